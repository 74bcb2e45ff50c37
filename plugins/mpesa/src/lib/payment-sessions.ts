import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MpesaSessionData } from "../providers/mpesa/session-data"

export type MpesaSession = {
  id: string
  payment_collection_id: string
  provider_id: string
  status: string
  amount: number
  currency_code: string
  data: MpesaSessionData | null
  created_at?: string
}

export type FoundMpesaSession = {
  session: MpesaSession
  orderId?: string
  cartId?: string
  /** The order's (or cart's) customer, for the holder check. */
  customerId?: string | null
}

const SESSION_FIELDS = ["id", "payment_collection_id", "provider_id", "status", "amount", "currency_code", "data", "created_at"]

function newestMpesa(sessions: (MpesaSession | null)[] | undefined, providerId: string): MpesaSession | undefined {
  return (sessions ?? [])
    .filter((s): s is MpesaSession => !!s && s.provider_id === providerId)
    .sort((a, b) => String(b.created_at ?? "").localeCompare(String(a.created_at ?? "")))[0]
}

/**
 * The M-Pesa session of an order or a cart. Unknown ids and ids without an
 * M-Pesa payment get the same 404, so the route reveals nothing else.
 */
export async function findMpesaSession(
  container: MedusaContainer,
  ref: { order_id?: string; cart_id?: string },
  providerId: string
): Promise<FoundMpesaSession> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "No M-Pesa payment was found for this order or cart")
  if (ref.order_id) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", ...SESSION_FIELDS.map((f) => `payment_collections.payment_sessions.${f}`)],
      filters: { id: ref.order_id },
    })
    const order = data[0] as
      | { id: string; customer_id?: string | null; payment_collections?: { payment_sessions?: MpesaSession[] }[] }
      | undefined
    const session = newestMpesa(order?.payment_collections?.flatMap((pc) => pc?.payment_sessions ?? []), providerId)
    if (!session) {
      throw notFound
    }
    return { session, orderId: order!.id, customerId: order!.customer_id }
  }
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", ...SESSION_FIELDS.map((f) => `payment_collection.payment_sessions.${f}`)],
    filters: { id: ref.cart_id },
  })
  const cart = data[0] as
    | { id: string; customer_id?: string | null; payment_collection?: { payment_sessions?: MpesaSession[] } }
    | undefined
  const session = newestMpesa(cart?.payment_collection?.payment_sessions, providerId)
  if (!session) {
    throw notFound
  }
  const { data: orders } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart!.id } })
  return {
    session,
    cartId: cart!.id,
    orderId: (orders[0] as { order_id?: string } | undefined)?.order_id,
    customerId: cart!.customer_id,
  }
}
