import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PushTarget } from "../utils/push-eligibility"

const ID = /^[A-Za-z0-9_-]{1,100}$/

/** The cart behind a payment collection id from the URL, read only; junk ids are simply not found. */
export async function pushTargetOf(container: MedusaContainer, paymentCollectionId: string | undefined): Promise<PushTarget> {
  if (!paymentCollectionId || !ID.test(paymentCollectionId)) {
    return { found: false }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    return { found: false }
  }
  const [{ data: carts }, { data: orders }] = await Promise.all([
    query.graph({ entity: "cart", fields: ["id", "completed_at", "currency_code"], filters: { id: cartId } }),
    query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } }),
  ])
  const cart = carts[0] as { completed_at?: string | null; currency_code?: string | null } | undefined
  if (!cart) {
    return { found: false }
  }
  return { found: true, completed: !!cart.completed_at, hasOrder: orders.length > 0, currency_code: cart.currency_code }
}
