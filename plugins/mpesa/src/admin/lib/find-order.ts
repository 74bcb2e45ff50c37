import { parseOrderReference } from "../../utils/order-reference"
import { sdk } from "./sdk"

/**
 * The order id for what the merchant typed: an id as it is, an order number
 * looked up through admin's order search (which matches numbers as text, so
 * the exact number is picked from what it finds). Throws a sentence.
 */
export async function findOrderId(typed: string): Promise<string> {
  const ref = parseOrderReference(typed)
  if (!ref.ok) {
    throw new Error(ref.reason)
  }
  if (ref.kind === "id") {
    return ref.id
  }
  const { orders } = await sdk.client.fetch<{ orders: { id: string; display_id: number }[] }>("/admin/orders", {
    query: { q: String(ref.display_id), fields: "id,display_id", limit: 100 },
  })
  const order = orders.find((o) => Number(o.display_id) === ref.display_id)
  if (!order) {
    throw new Error(`There is no order #${ref.display_id}`)
  }
  return order.id
}
