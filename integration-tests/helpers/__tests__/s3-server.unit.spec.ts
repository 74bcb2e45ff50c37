import fileS3 from "@medusajs/medusa/file-s3"
import { readSokoEnv } from "../../../src/config/env"
import { fileModule } from "../../../src/config/files"
import { startS3Server, type LocalS3 } from "../s3-server"

/**
 * Medusa's own S3 provider, configured by fileModule() from the S3_* env, against
 * the local S3 server the HTTP and multi-instance tests use: every call the file
 * module makes works over the wire (AWS SDK v3, path-style).
 */
type Provider = {
  upload: (file: { filename: string; mimeType: string; content: string; access: "public" | "private" }) => Promise<{ url: string; key: string }>
  getUploadStream: (file: { filename: string; mimeType: string; access: "public" }) => Promise<{ writeStream: NodeJS.WritableStream; promise: Promise<{ url: string; key: string }> }>
  getPresignedDownloadUrl: (file: { fileKey: string }) => Promise<string>
  getAsBuffer: (file: { fileKey: string }) => Promise<Buffer>
  delete: (files: { fileKey: string } | { fileKey: string }[]) => Promise<void>
}

// A PNG signature and bytes that UTF-8 decoding would mangle.
const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0x7f, 0x10])
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined }

describe("the local S3 server with Medusa's S3 file provider", () => {
  let s3: LocalS3
  let provider: Provider

  beforeAll(async () => {
    s3 = await startS3Server({ bucket: "unit-files", prefix: "shop1" })
    const [entry] = fileModule(readSokoEnv(s3.env)).options.providers
    const [Service] = (fileS3 as unknown as { services: (new (deps: unknown, options: unknown) => Provider)[] }).services
    provider = new Service({ logger: silent }, entry.options)
  })
  afterAll(() => s3?.stop())

  it("stores an upload under the prefix and serves its exact bytes at the returned public URL", async () => {
    const { url, key } = await provider.upload({ filename: "mug.png", mimeType: "image/png", content: IMAGE.toString("base64"), access: "public" })
    expect(key).toMatch(/^shop1\/mug-[0-9A-Z]{26}\.png$/)
    expect(url).toBe(`${s3.fileUrl}/${key}`)
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("image/png")
    expect(Buffer.from(await res.arrayBuffer()).equals(IMAGE)).toBe(true)
    expect(await s3.keys()).toContain(key)
  })

  it("reads a file back through a presigned URL and through the API", async () => {
    const { key } = await provider.upload({ filename: "export.csv", mimeType: "text/csv", content: Buffer.from("id,title\n1,Mug\n").toString("base64"), access: "private" })
    const presigned = await provider.getPresignedDownloadUrl({ fileKey: key })
    expect(presigned).toContain("X-Amz-Signature=")
    expect(await (await fetch(presigned)).text()).toBe("id,title\n1,Mug\n")
    expect((await provider.getAsBuffer({ fileKey: key })).toString()).toBe("id,title\n1,Mug\n")
  })

  it("takes a streamed upload (as Medusa's exports write)", async () => {
    const { writeStream, promise } = await provider.getUploadStream({ filename: "products.csv", mimeType: "text/csv", access: "public" })
    writeStream.end("handle,title\nmug,Mug\n")
    const { url } = await promise
    expect(await (await fetch(url)).text()).toBe("handle,title\nmug,Mug\n")
  })

  it("deletes one file, and several at once", async () => {
    const files = await Promise.all(
      ["a.png", "b.png", "c.png"].map((filename) => provider.upload({ filename, mimeType: "image/png", content: IMAGE.toString("base64"), access: "public" }))
    )
    await provider.delete({ fileKey: files[0].key })
    expect((await fetch(files[0].url)).status).toBe(404)
    await provider.delete(files.slice(1).map((f) => ({ fileKey: f.key })))
    const left = await s3.keys()
    expect(files.filter((f) => left.includes(f.key))).toEqual([])
  })
})
