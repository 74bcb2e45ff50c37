import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { Modules } from "@medusajs/framework/utils"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { defaultSalesChannelId } from "../../src/scripts/seed/store-setup"
import { adminHeaders } from "../helpers/admin"
import { useS3Server } from "../helpers/s3-server"

jest.setTimeout(180_000)

// The app boots with S3_* pointing at a local S3 server (s3rver), with a prefix.
const s3 = useS3Server({ bucket: "soko-files", prefix: "shop1" })

// A small PNG's signature plus bytes a text decoding would corrupt.
const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x80, 0x7f])

const bytesAt = async (url: string) => {
  const res = await fetch(url)
  return { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) }
}

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("files on S3 (S3_* set)", () => {
      let admin: { headers: Record<string, string> }

      beforeEach(async () => {
        admin = await adminHeaders(getContainer(), api)
      })

      const upload = async (name: string, bytes: Buffer, type: string) => {
        const form = new FormData()
        form.append("files", new Blob([new Uint8Array(bytes)], { type }), name)
        const { data, status } = await api.post("/admin/uploads", form, admin)
        expect(status).toBe(200)
        return data.files[0] as { id: string; url: string }
      }

      it("registers Medusa's S3 provider for the file module", () => {
        const config = getContainer().resolve("configModule") as { modules: Record<string, { options?: { providers?: { resolve: string }[] } }> }
        expect(config.modules[Modules.FILE].options?.providers?.map((p) => p.resolve)).toEqual(["@medusajs/medusa/file-s3"])
      })

      it("stores an admin upload in the bucket, serves its exact bytes at the S3 URL, and deletes it", async () => {
        const file = await upload("mug.png", IMAGE, "image/png")
        expect(file.id).toMatch(/^shop1\/mug-[0-9A-Z]{26}\.png$/)
        expect(file.url).toBe(`${s3().fileUrl}/${file.id}`)
        expect(await s3().keys()).toContain(file.id)

        const served = await bytesAt(file.url)
        expect(served.status).toBe(200)
        expect(served.type).toBe("image/png")
        expect(served.body.equals(IMAGE)).toBe(true)

        // The admin's file lookup answers a presigned URL to the same object.
        const { data: found } = await api.get(`/admin/uploads/${encodeURIComponent(file.id)}`, admin)
        expect(found.file.url).toContain(`${s3().fileUrl}/${file.id}?`)
        expect((await bytesAt(found.file.url)).body.equals(IMAGE)).toBe(true)

        const { data: deleted } = await api.delete(`/admin/uploads/${encodeURIComponent(file.id)}`, admin)
        expect(deleted).toEqual({ id: file.id, object: "file", deleted: true })
        expect(await s3().keys()).not.toContain(file.id)
        expect((await bytesAt(file.url)).status).toBe(404)
      })

      it("answers an upload without a file with 400, not 500", async () => {
        const error = await api.post("/admin/uploads", new FormData(), admin).catch((e: { response: { status: number; data: { message: string } } }) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/No files were uploaded/)
      })

      it("puts seeded and uploaded product images on S3, and the store API gives shoppers their S3 URLs", async () => {
        const { publishableKey } = await runSeed(getContainer())
        const store = { headers: { "x-publishable-api-key": publishableKey } }

        // The demo catalog's images went through the file module too.
        const { data: seeded } = await api.get("/store/products?handle=kenya-aa-coffee&fields=thumbnail,*images", store)
        const coffee = seeded.products[0]
        expect(coffee.thumbnail.startsWith(`${s3().fileUrl}/shop1/`)).toBe(true)
        const seededImage = await bytesAt(coffee.thumbnail)
        expect(seededImage.status).toBe(200)
        expect(seededImage.type).toBe("image/svg+xml")
        expect(seededImage.body.toString()).toContain("<svg")

        const file = await upload("enamel-mug.png", IMAGE, "image/png")
        const { data: created } = await api.post(
          "/admin/products",
          {
            title: "Enamel mug",
            handle: "enamel-mug",
            status: "published",
            options: [{ title: "Size", values: ["One size"] }],
            thumbnail: file.url,
            images: [{ url: file.url }],
            sales_channels: [{ id: await defaultSalesChannelId(getContainer()) }],
          },
          admin
        )
        expect(created.product.images.map((i: { url: string }) => i.url)).toEqual([file.url])

        const { data: listed } = await api.get("/store/products?handle=enamel-mug&fields=thumbnail,*images", store)
        expect(listed.products).toHaveLength(1)
        const product = listed.products[0]
        expect(product.thumbnail).toBe(file.url)
        expect(product.images.map((i: { url: string }) => i.url)).toEqual([file.url])
        expect((await bytesAt(product.images[0].url)).body.equals(IMAGE)).toBe(true)
      })
    })
  },
})
