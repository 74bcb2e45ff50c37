import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { orderShortCode, type AccountRef } from "../utils/c2b-account"
import type { C2bCandidate } from "../utils/c2b-match"
import { visiblePhoneDigits } from "../utils/c2b-phone"

/** A candidate order with what capturing on it needs. */
export type C2bOrderCandidate = C2bCandidate & {
  session_id: string | null
  payment_collection_id: string | null
  /** What Medusa can still capture on the order's M-Pesa payment, in its own units (may have decimals). */
  remaining_amount: number
}

/** Orders a short code is looked for among: a code is printed on an order page, paid within days. */
const SHORT_CODE_LOOKBACK_DAYS = 30
const SHORT_CODE_SCAN_LIMIT = 2000

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "currency_code",
  "created_at",
  "shipping_address.phone",
  "payment_collections.id",
  "payment_collections.payment_sessions.id",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.amount",
  "payment_collections.payment_sessions.data",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.amount",
  "payment_collections.payments.captures.amount",
]

type Session = { id: string; provider_id: string; status: string; amount: number; data?: { phone_masked?: unknown } | null }
type Payment = { provider_id: string; amount: number; captures?: { amount: number }[] }
type OrderRow = {
  id: string
  display_id: number
  status: string
  currency_code: string
  created_at: string | Date
  shipping_address?: { phone?: string | null } | null
  payment_collections?: { id: string; payment_sessions?: Session[]; payments?: Payment[] }[]
}

// bignumber.js's ROUND_CEIL, as in utils/amount.ts.
const ROUND_CEIL = 2

const isMpesa = (providerId: string | undefined) => !!providerId?.startsWith("pp_mpesa")

/** One order as the matcher sees it; null for orders nothing can pay by M-Pesa (no M-Pesa session, cancelled). */
function toCandidate(order: OrderRow): C2bOrderCandidate | null {
  if (order.status === "canceled" || order.status === "draft") {
    return null
  }
  const sessions = (order.payment_collections ?? []).flatMap((pc) =>
    (pc.payment_sessions ?? []).filter((s) => isMpesa(s.provider_id) && s.status !== "canceled").map((s) => ({ ...s, pc: pc.id }))
  )
  const session = sessions.at(-1)
  if (!session) {
    return null
  }
  const captured = (order.payment_collections ?? [])
    .flatMap((pc) => (pc.payments ?? []).filter((p) => isMpesa(p.provider_id)))
    .flatMap((p) => p.captures ?? [])
    .reduce((sum, c) => MathBN.add(sum, c.amount), MathBN.convert(0))
  const remaining = MathBN.sub(session.amount, captured)
  const kes = order.currency_code.toLowerCase() === "kes"
  // Whole KES as M-Pesa charges it: a fraction of a shilling still to pay is a whole one (toMpesaAmount rounds up).
  const totalKes = kes ? MathBN.convert(session.amount).integerValue(ROUND_CEIL).toNumber() : 0
  const outstandingKes = kes && MathBN.gt(remaining, 0) ? MathBN.convert(remaining).integerValue(ROUND_CEIL).toNumber() : 0
  return {
    order_id: order.id,
    display_id: order.display_id,
    short_code: orderShortCode(order.id),
    total_kes: totalKes,
    outstanding_kes: outstandingKes,
    currency_code: order.currency_code,
    // The phone the shopper's prompt went to names a till payer better than the delivery address's.
    phone: visiblePhoneDigits(session.data?.phone_masked) ?? visiblePhoneDigits(order.shipping_address?.phone),
    created_at: new Date(order.created_at),
    paid: !MathBN.gt(remaining, 0),
    session_id: session.id,
    payment_collection_id: session.pc,
    remaining_amount: MathBN.gt(remaining, 0) ? MathBN.convert(remaining).toNumber() : 0,
  }
}

async function candidatesOf(container: MedusaContainer, filters: Record<string, unknown>, take = 200): Promise<C2bOrderCandidate[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters, pagination: { take, order: { created_at: "ASC" } } })
  return (data as unknown as OrderRow[]).map(toCandidate).filter((c): c is C2bOrderCandidate => !!c)
}

/** Orders a paybill account names (by display id, or by short code among recent orders). */
export async function candidatesForAccount(container: MedusaContainer, account: AccountRef, now = new Date()): Promise<C2bOrderCandidate[]> {
  if (account.kind === "display_id") {
    return candidatesOf(container, { display_id: Number(account.value) })
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(now.getTime() - SHORT_CODE_LOOKBACK_DAYS * 86_400_000)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { created_at: { $gte: since } },
    pagination: { take: SHORT_CODE_SCAN_LIMIT, order: { created_at: "DESC" } },
  })
  const ids = (data as { id: string }[]).filter((o) => orderShortCode(o.id) === account.value).map((o) => o.id)
  return ids.length ? candidatesOf(container, { id: ids }) : []
}

/** Orders placed in a till payment's window (the matcher narrows them by phone and amount). */
export async function candidatesForTill(container: MedusaContainer, paidAt: Date, windowMinutes: number, skewMs: number) {
  return candidatesOf(
    container,
    { created_at: { $gte: new Date(paidAt.getTime() - windowMinutes * 60_000), $lte: new Date(paidAt.getTime() + skewMs) } },
    500
  )
}

/** One order as a candidate (the merchant's attach names it). */
export async function candidateForOrder(container: MedusaContainer, orderId: string): Promise<C2bOrderCandidate | null> {
  return (await candidatesOf(container, { id: orderId }))[0] ?? null
}
