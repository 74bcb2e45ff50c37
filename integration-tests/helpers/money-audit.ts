import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type SimLedger = {
  payments: { receipt: string; amount: number; checkoutRequestId?: string; reversedBy?: string }[]
  reversals: { receipt: string; originalReceipt: string; amount: number }[]
  payouts: { receipt: string; amount: number; originatorConversationId: string }[]
}

export type MoneyAudit = {
  /** KES that left the shopper's phone for this order, and came back, per Safaricom (the simulator). */
  safaricom: { in: number; out: number; net: number }
  /** What Medusa holds: captured minus refunded on the order's M-Pesa payments. */
  medusa: { captured: number; refunded: number; net: number }
  /** What Soko's ledger says: paid pushes minus settled refunds. */
  soko: { paid: number; refunded: number; net: number }
  /**
   * Flagged pushes (status "review") that STK Query confirmed paid (amount
   * mismatch, session closed, a second payment, paid after failing), and
   * payments sent back from review (status "refunded") until Safaricom
   * confirms the reversal: money in that no order holds.
   */
  inReview: number
  /**
   * Flagged pushes whose payment Safaricom never confirmed (a paid callback
   * STK Query disputes, or one reconciliation could not settle): no money is
   * known to have arrived, so they are outside the sums; listed for the merchant.
   */
  unconfirmedInReview: number
}

/** Review flags for pushes STK Query never confirmed paid (utils/stk-request-transitions.ts). */
export const UNCONFIRMED_REVIEW_FLAGS = ["query_disagrees", "unresolved"]

/** One order's rows, however they were read (the app's container, or SQL against a cluster's database). */
export type AuditRows = {
  /** The order's STK requests (Soko's ledger). */
  requests: { id?: string; checkout_request_id: string; status: string; amount_kes: number; flag?: string | null }[]
  /** The refunds of those requests (Soko's ledger); `stk_request_id` tells a refund from review from an order's. */
  refunds: { id: string; status: string; amount_kes: number; stk_request_id?: string }[]
  /** Amounts of the captures and refunds on the order's M-Pesa payments in Medusa. */
  medusa: { captures: number[]; refunds: number[] }
  /** Paybill/till payments (C2B) the ledger tied to the order: matched, captured, or held for review as a second payment. */
  c2b?: C2bAuditRow[]
}

export type C2bAuditRow = {
  trans_id: string
  state: string
  amount_kes: number | null
  flag?: string | null
  match_detail?: { excess_kes?: number } | null
}

/** C2B states that hold Safaricom-confirmed money for the order (utils/c2b-transitions.ts). */
const C2B_PAID_STATES = ["captured", "partial", "over"]
/** C2B review flags for payments Safaricom did not confirm as they were reported: no money known to be in. */
const C2B_UNCONFIRMED_FLAGS = ["confirmation_mismatch", "unresolved", "confirmed_after_rejection"]

/**
 * C2B money in for the order, per Soko: what the order's payments paid on it
 * and what is held for review (the excess of an overpayment; a second
 * payment of an order already paid).
 */
function c2bSums(rows: C2bAuditRow[]): { paid: number; review: number; unconfirmed: number } {
  let paid = 0
  let review = 0
  let unconfirmed = 0
  for (const r of rows) {
    const amount = r.amount_kes ?? 0
    if (C2B_PAID_STATES.includes(r.state)) {
      const excess = r.state === "over" ? r.match_detail?.excess_kes ?? 0 : 0
      paid += amount - excess
      review += excess
    } else if (r.state === "review") {
      if (C2B_UNCONFIRMED_FLAGS.includes(r.flag ?? "")) {
        unconfirmed += amount
      } else {
        review += amount
      }
    }
  }
  return { paid, review, unconfirmed }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/**
 * The audit's arithmetic, pure: Safaricom's money in (payments for the
 * order's pushes) and out (reversals of those receipts, B2C payouts whose
 * OriginatorConversationID is one of the order's refunds), Medusa's captured
 * minus refunded, and Soko's paid pushes minus settled refunds. Whole KES.
 */
export function computeMoneyAudit(ledger: SimLedger, rows: AuditRows): MoneyAudit {
  const ids = new Set(rows.requests.map((r) => r.checkout_request_id))
  const c2bIds = new Set((rows.c2b ?? []).map((r) => r.trans_id))
  const payments = ledger.payments.filter((p) => (p.checkoutRequestId && ids.has(p.checkoutRequestId)) || c2bIds.has(p.receipt))
  const c2b = c2bSums(rows.c2b ?? [])
  const receipts = new Set(payments.map((p) => p.receipt))
  const refundIds = new Set(rows.refunds.map((r) => r.id))
  const reversedOut = sum(ledger.reversals.filter((r) => receipts.has(r.originalReceipt)).map((r) => r.amount))
  const paidOut = sum(ledger.payouts.filter((p) => refundIds.has(p.originatorConversationId)).map((p) => p.amount))
  const safaricomIn = sum(payments.map((p) => p.amount))
  const captured = sum(rows.medusa.captures.map(Number))
  const refunded = sum(rows.medusa.refunds.map(Number))
  const sokoPaid = sum(rows.requests.filter((r) => r.status === "paid").map((r) => r.amount_kes)) + c2b.paid
  const review = rows.requests.filter((r) => r.status === "review")
  const unconfirmed = (r: { flag?: string | null }) => UNCONFIRMED_REVIEW_FLAGS.includes(r.flag ?? "")
  const unconfirmedInReview = sum(review.filter(unconfirmed).map((r) => r.amount_kes)) + c2b.unconfirmed
  const settled = rows.refunds.filter((r) => r.status === "reversed" || r.status === "paid_out")
  // A payment sent back from review is refunded without an order: it leaves the review money, not the order's.
  const sentBack = new Set(rows.requests.filter((r) => r.status === "refunded" && r.id).map((r) => r.id))
  const fromReview = (r: { stk_request_id?: string }) => !!r.stk_request_id && sentBack.has(r.stk_request_id)
  const inReview =
    sum(review.filter((r) => !unconfirmed(r)).map((r) => r.amount_kes)) +
    sum(rows.requests.filter((r) => r.status === "refunded").map((r) => r.amount_kes)) -
    sum(settled.filter(fromReview).map((r) => r.amount_kes)) +
    c2b.review
  const sokoRefunded = sum(settled.filter((r) => !fromReview(r)).map((r) => r.amount_kes))
  return {
    safaricom: { in: safaricomIn, out: reversedOut + paidOut, net: safaricomIn - reversedOut - paidOut },
    medusa: { captured, refunded, net: captured - refunded },
    soko: { paid: sokoPaid, refunded: sokoRefunded, net: sokoPaid - sokoRefunded },
    inReview,
    unconfirmedInReview,
  }
}

/** The audit holds: Safaricom's net = Medusa's net + money in review = Soko's net + money in review. */
export const auditAgrees = (a: MoneyAudit) =>
  a.medusa.net + a.inReview === a.safaricom.net && a.soko.net + a.inReview === a.safaricom.net

/** The three nets side by side, review included, as the audit's assertion compares them. */
export const auditNets = (a: MoneyAudit) => ({
  safaricom: a.safaricom.net,
  medusa: a.medusa.net + a.inReview,
  soko: a.soko.net + a.inReview,
})

/**
 * The money audit for one order of an app under test: Safaricom's ledger (the
 * simulator), Medusa's captured minus refunded and Soko's ledger, read
 * through the app's container.
 */
export async function moneyAudit(container: MedusaContainer, sim: { listLedger(): SimLedger }, orderId: string): Promise<MoneyAudit> {
  const mpesa = container.resolve("mpesa") as {
    listStkRequests(filter: Record<string, unknown>): Promise<AuditRows["requests"]>
    listReversals(filter: Record<string, unknown>): Promise<AuditRows["refunds"]>
    listC2bPayments(filter: Record<string, unknown>): Promise<C2bAuditRow[]>
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "cart.id",
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  // Pushes for the order's cart count too: one whose session was replaced
  // before the order was placed is never linked to the order, yet its money is the order's.
  const cartId = (data[0] as { cart?: { id: string } | null } | undefined)?.cart?.id
  const byId = new Map<string, AuditRows["requests"][number]>()
  for (const filter of [{ order_id: orderId }, ...(cartId ? [{ cart_id: cartId }] : [])]) {
    for (const row of await mpesa.listStkRequests(filter)) {
      byId.set(row.checkout_request_id, row)
    }
  }
  const requests = [...byId.values()]
  // By payment, not by order: a payment sent back from review is refunded without an order.
  const refunds = requests.length ? await mpesa.listReversals({ stk_request_id: requests.map((r) => r.id!) }) : []
  type Payment = { provider_id: string; captures?: { amount: number }[]; refunds?: { amount: number }[] }
  const payments = ((data[0] as { payment_collections?: { payments?: Payment[] }[] })?.payment_collections ?? [])
    .flatMap((pc) => pc.payments ?? [])
    .filter((p) => p.provider_id.startsWith("pp_mpesa"))
  return computeMoneyAudit(sim.listLedger(), {
    requests,
    refunds,
    c2b: await mpesa.listC2bPayments({ order_id: orderId }),
    medusa: {
      captures: payments.flatMap((p) => (p.captures ?? []).map((c) => Number(c.amount))),
      refunds: payments.flatMap((p) => (p.refunds ?? []).map((r) => Number(r.amount))),
    },
  })
}

type Sql = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>

/**
 * The same audit for a running cluster (integration-tests/multi-instance),
 * read with SQL from the cluster's database: the same tables the container
 * reads, the same arithmetic.
 */
export async function clusterMoneyAudit(sql: Sql, sim: { listLedger(): SimLedger }, orderId: string): Promise<MoneyAudit> {
  const requests = await sql<AuditRows["requests"][number]>(
    `SELECT id, checkout_request_id, status, amount_kes, flag FROM mpesa_stk_request
      WHERE deleted_at IS NULL
        AND (order_id = $1 OR cart_id IN (SELECT cart_id FROM order_cart WHERE order_id = $1 AND deleted_at IS NULL))`,
    [orderId]
  )
  const refunds = await sql<AuditRows["refunds"][number]>(
    `SELECT id, status, amount_kes, stk_request_id FROM mpesa_reversal WHERE stk_request_id = ANY($1) AND deleted_at IS NULL`,
    [requests.map((r) => r.id)]
  )
  const amounts = (table: "capture" | "refund") =>
    sql<{ amount: string }>(
      `SELECT x.amount::text AS amount
         FROM order_payment_collection opc
         JOIN payment p ON p.payment_collection_id = opc.payment_collection_id AND p.deleted_at IS NULL
         JOIN ${table} x ON x.payment_id = p.id AND x.deleted_at IS NULL
        WHERE opc.order_id = $1 AND opc.deleted_at IS NULL AND p.provider_id LIKE 'pp_mpesa%'`,
      [orderId]
    )
  const c2b = await sql<C2bAuditRow>(
    `SELECT trans_id, state, amount_kes, flag, match_detail FROM mpesa_c2b_payment WHERE order_id = $1 AND deleted_at IS NULL`,
    [orderId]
  )
  return computeMoneyAudit(sim.listLedger(), {
    c2b: c2b.map((r) => ({ ...r, amount_kes: r.amount_kes === null ? null : Number(r.amount_kes) })),
    requests: requests.map((r) => ({ ...r, amount_kes: Number(r.amount_kes) })),
    refunds: refunds.map((r) => ({ ...r, amount_kes: Number(r.amount_kes) })),
    medusa: { captures: (await amounts("capture")).map((r) => Number(r.amount)), refunds: (await amounts("refund")).map((r) => Number(r.amount)) },
  })
}

/**
 * Asserts the audit once the scenario has settled: Safaricom's net = Medusa's
 * net + money held for review = Soko's net + review. Subscribers run
 * asynchronously on the Redis profile, so it looks a bounded number of times
 * (until the audit agrees and `settled`, when given, says the scenario's end
 * state is reached) before asserting what it last saw.
 */
export async function expectMoneyAuditHolds(
  container: MedusaContainer,
  sim: { listLedger(): SimLedger },
  orderId: string,
  settled: (audit: MoneyAudit) => boolean = () => true
): Promise<MoneyAudit> {
  let audit = await moneyAudit(container, sim, orderId)
  for (let i = 0; i < 50 && !(auditAgrees(audit) && settled(audit)); i++) {
    await new Promise((r) => setTimeout(r, 200))
    audit = await moneyAudit(container, sim, orderId)
  }
  const nets = auditNets(audit)
  expect(nets).toEqual({ safaricom: nets.safaricom, medusa: nets.safaricom, soko: nets.safaricom })
  return audit
}
