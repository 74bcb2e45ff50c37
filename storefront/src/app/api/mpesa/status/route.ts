import { NextResponse } from "next/server"
import { mpesaStatus, orderTokenFor } from "@/lib/data/mpesa"
import { shopperMessage } from "@/lib/util/errors"

export const dynamic = "force-dynamic"

const ID = /^[A-Za-z0-9_]{1,100}$/

/** What the "check your phone" page polls: the M-Pesa plugin's status, relayed server-side with the order-link token. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const orderId = params.get("order_id") ?? ""
  if (!ID.test(orderId)) {
    return NextResponse.json({ message: "Unknown order" }, { status: 400 })
  }
  try {
    const status = await mpesaStatus({ order_id: orderId, token: await orderTokenFor(orderId, params.get("token")) })
    return NextResponse.json(status, { headers: { "cache-control": "no-store" } })
  } catch (error) {
    return NextResponse.json({ message: shopperMessage(error) }, { status: 502, headers: { "cache-control": "no-store" } })
  }
}
