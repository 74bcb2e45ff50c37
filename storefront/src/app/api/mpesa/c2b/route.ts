import { NextResponse } from "next/server"
import { orderTokenFor } from "@/lib/data/mpesa"
import { c2bInstructions } from "@/lib/data/mpesa-c2b"
import { shopperMessage } from "@/lib/util/errors"

export const dynamic = "force-dynamic"

const ID = /^[A-Za-z0-9_]{1,100}$/
const NO_STORE = { "cache-control": "no-store" }

/** What the "Pay another way" panel polls: the order's paybill/till state, relayed server-side with the order-link token. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const orderId = params.get("order_id") ?? ""
  if (!ID.test(orderId)) {
    return NextResponse.json({ message: "Unknown order" }, { status: 400, headers: NO_STORE })
  }
  try {
    const c2b = await c2bInstructions({ order_id: orderId, token: await orderTokenFor(orderId, params.get("token")) })
    return NextResponse.json(c2b, { headers: NO_STORE })
  } catch (error) {
    return NextResponse.json({ message: shopperMessage(error) }, { status: 502, headers: NO_STORE })
  }
}
