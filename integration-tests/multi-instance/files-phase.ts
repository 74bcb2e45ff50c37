/**
 * The multi-instance shared-files phase (issue 18), run by ./run.ts: every
 * instance's file module is Medusa's S3 provider on the cluster's local S3
 * server, so an image the admin uploads through server A, put on a product
 * through server A, is in server B's product response and its URL serves the
 * very bytes uploaded. The demo catalog the prepare script seeded is there too.
 */
import type { PhaseTools } from "./refund-phases"
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

export async function sharedFilesPhase(t: Pick<PhaseTools, "cluster" | "shop" | "check" | "say">) {
  const { cluster, shop, check, say } = t
  const [serverA, serverB] = cluster.servers
  const { fileUrl } = cluster.s3

  const file = await uploadThrough(serverA, shop.admin, "multi-instance-mug.png", IMAGE)
  const inBucket = (await cluster.s3.keys()).includes(file.id)
  check(
    "an image uploaded through server A's admin API is stored in the shared S3 bucket",
    inBucket && file.url === `${fileUrl}/${file.id}`,
    `${file.url}${inBucket ? "" : " (not in the bucket)"}`
  )

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
  const imageUrl = product?.images[0]?.url
  const served = imageUrl ? await fetchBytes(imageUrl) : undefined
  check(
    "image uploaded through server A is served in server B's product response (same URL, same bytes)",
    imageUrl === file.url && product.thumbnail === file.url && served?.status === 200 && served.body.equals(IMAGE),
    `server B answered ${imageUrl ?? "no image"}; GET → ${served?.status ?? "-"}, ${served?.body.length ?? 0} of ${IMAGE.length} bytes`
  )

  const { products: seeded } = await call(serverB, "GET", "/store/products?limit=100&fields=handle,thumbnail", undefined, shop.store)
  const seededThumbs = (seeded as StoreProduct[]).filter((p) => p.handle !== handle).map((p) => p.thumbnail)
  const offS3 = seededThumbs.filter((url) => !url?.startsWith(`${fileUrl}/`))
  const firstServed = seededThumbs[0] ? await fetchBytes(seededThumbs[0]) : undefined
  check(
    `the seeded catalog's images (${seededThumbs.length}) are on S3 and served to server B's shoppers`,
    seededThumbs.length > 0 && offS3.length === 0 && firstServed?.status === 200 && firstServed.body.toString().includes("<svg"),
    offS3.slice(0, 2).join(", ")
  )
  say(`shared files: ${(await cluster.s3.keys()).length} objects in bucket ${cluster.s3.bucket}`)
}
