/**
 * Shared files (issue 18): every instance's file module is Medusa's S3
 * provider on the cluster's local S3 server, so an image the admin uploads
 * through server A, put on a product through server A, is in server B's
 * product response and its URL serves the very bytes uploaded. The demo
 * catalog the prepare script seeded is there too.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, say } from "./context"
import { call } from "./shop"

// A PNG signature and bytes that a text decoding anywhere on the way would corrupt.
const IMAGE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0x7f, 0x4d, 0x75, 0x67])

type StoreProduct = { handle: string; thumbnail: string | null; images: { url: string }[] }

async function uploadThrough(server: string, admin: Record<string, string>, name: string, bytes: Buffer) {
  const form = new FormData()
  form.append("files", new Blob([new Uint8Array(bytes)], { type: "image/png" }), name)
  const res = await fetch(`${server}/admin/uploads`, { method: "POST", headers: admin, body: form, signal: AbortSignal.timeout(60_000) })
  if (!res.ok) {
    throw new Error(`POST ${server}/admin/uploads → ${res.status}: ${(await res.text()).slice(0, 300)}`)
  }
  const { files } = (await res.json()) as { files: { id: string; url: string }[] }
  return files[0]
}

const fetchBytes = async (url: string) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
}

describeMulti("files are shared by every instance", () => {
  let file: { id: string; url: string }

  it("an image uploaded through server A's admin API is stored in the shared S3 bucket", async () => {
    const { cluster, shop } = multi()
    file = await uploadThrough(cluster.servers[0], shop.admin, "multi-instance-mug.png", IMAGE)
    expect(await cluster.s3.keys()).toContain(file.id)
    expect(file.url).toBe(`${cluster.s3.fileUrl}/${file.id}`)
  }, PHASE_TIMEOUT_MS)

  it("the image is served in server B's product response (same URL, same bytes)", async () => {
    const { cluster, shop } = multi()
    const [serverA, serverB] = cluster.servers
    const { sales_channels } = await call(serverA, "GET", "/admin/sales-channels?fields=id&limit=50", undefined, shop.admin)
    const handle = `multi-instance-mug-${Date.now().toString(36)}`
    await call(
      serverA,
      "POST",
      "/admin/products",
      {
        title: "Multi-instance mug",
        handle,
        status: "published",
        options: [{ title: "Size", values: ["One size"] }],
        thumbnail: file.url,
        images: [{ url: file.url }],
        sales_channels: (sales_channels as { id: string }[]).map(({ id }) => ({ id })),
      },
      shop.admin
    )
    const { products } = await call(serverB, "GET", `/store/products?handle=${handle}&fields=handle,thumbnail,*images`, undefined, shop.store)
    const product = (products as StoreProduct[])[0]
    expect(product?.images[0]?.url).toBe(file.url)
    expect(product.thumbnail).toBe(file.url)
    const served = await fetchBytes(file.url)
    expect(served.status).toBe(200)
    expect(served.body.equals(IMAGE)).toBe(true)
  }, PHASE_TIMEOUT_MS)

  it("the seeded catalog's images are on S3 and served to server B's shoppers", async () => {
    const { cluster, shop } = multi()
    const { products } = await call(cluster.servers[1], "GET", "/store/products?limit=100&fields=handle,thumbnail", undefined, shop.store)
    const thumbs = (products as StoreProduct[]).filter((p) => !p.handle.startsWith("multi-instance-mug-")).map((p) => p.thumbnail)
    expect(thumbs.length).toBeGreaterThan(0)
    expect(thumbs.filter((url) => !url?.startsWith(`${cluster.s3.fileUrl}/`))).toEqual([])
    const served = await fetchBytes(thumbs[0]!)
    expect(served.status).toBe(200)
    expect(served.body.toString()).toContain("<svg")
    say(`shared files: ${(await cluster.s3.keys()).length} objects in bucket ${cluster.s3.bucket}`)
  }, PHASE_TIMEOUT_MS)
})
