import { orderTokenFor } from "@/lib/data/mpesa"
import { c2bQrPng } from "@/lib/data/mpesa-c2b"

export const dynamic = "force-dynamic"

const ID = /^[A-Za-z0-9_]{1,100}$/

/**
 * The payment QR code as an image, so the page can show it with a plain
 * <img> that only wide screens fetch (a phone cannot scan its own screen).
 * no-store: the amount in it changes after a part payment.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const orderId = params.get("order_id") ?? ""
  if (!ID.test(orderId)) {
    return new Response("Unknown order", { status: 400, headers: { "cache-control": "no-store" } })
  }
  const png = await c2bQrPng({ order_id: orderId, token: await orderTokenFor(orderId, params.get("token")) }).catch(() => null)
  if (!png) {
    return new Response("No QR code for this order just now", { status: 404, headers: { "cache-control": "no-store" } })
  }
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png", "cache-control": "no-store" } })
}
