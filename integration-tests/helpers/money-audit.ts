import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type SimLedger = {
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
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/**
 * The money audit: for one order, Safaricom's ledger (money in and out per
 * receipt), Medusa's captured minus refunded, and Soko's ledger must agree.
 * Whole KES throughout (the seed's prices are whole shillings). Flagged pushes
 * (status "review") count as money in that no order holds, and so do payments
 * sent back from review (status "refunded") until Safaricom confirms the
 * reversal; they are returned separately so a scenario can say where that money is.
 */
export async function moneyAudit(
  container: MedusaContainer,
  sim: { listLedger(): SimLedger },
  orderId: string
): Promise<MoneyAudit & { inReview: number }> {
  const mpesa = container.resolve("mpesa") as {
    listStkRequests(filter: Record<string, unknown>): Promise<{ id: string; checkout_request_id: string; status: string; amount_kes: number }[]>
    listReversals(filter: Record<string, unknown>): Promise<
      {
        id: string
        stk_request_id: string
        method: string
        status: string
        amount_kes: number
        payout_receipt: string | null
        receipt_number: string
      }[]
    >
  }
  const requests = await mpesa.listStkRequests({ order_id: orderId })
  const ids = new Set(requests.map((r) => r.checkout_request_id))
  const ledger = sim.listLedger()
  const payments = ledger.payments.filter((p) => p.checkoutRequestId && ids.has(p.checkoutRequestId))
  const receipts = new Set(payments.map((p) => p.receipt))
  // By payment, not by order: a payment sent back from review is refunded without an order.
  const refunds = requests.length ? await mpesa.listReversals({ stk_request_id: requests.map((r) => r.id) }) : []
  const refundIds = new Set(refunds.map((r) => r.id))
  const reversedOut = sum(ledger.reversals.filter((r) => receipts.has(r.originalReceipt)).map((r) => r.amount))
  const paidOut = sum(ledger.payouts.filter((p) => refundIds.has(p.originatorConversationId)).map((p) => p.amount))
  const safaricomIn = sum(payments.map((p) => p.amount))

  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [
      "payment_collections.payments.provider_id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  type Payment = { provider_id: string; captures?: { amount: number }[]; refunds?: { amount: number }[] }
  const medusaPayments = ((data[0] as { payment_collections?: { payments?: Payment[] }[] })?.payment_collections ?? [])
    .flatMap((pc) => pc.payments ?? [])
    .filter((p) => p.provider_id.startsWith("pp_mpesa"))
  const captured = sum(medusaPayments.flatMap((p) => (p.captures ?? []).map((c) => Number(c.amount))))
  const refunded = sum(medusaPayments.flatMap((p) => (p.refunds ?? []).map((r) => Number(r.amount))))

  const settled = refunds.filter((r) => r.status === "reversed" || r.status === "paid_out")
  const statusOf = new Map(requests.map((r) => [r.id, r.status]))
  const sokoPaid = sum(requests.filter((r) => r.status === "paid").map((r) => r.amount_kes))
  const sokoRefunded = sum(settled.filter((r) => statusOf.get(r.stk_request_id) === "paid").map((r) => r.amount_kes))
  // Money no order holds: in review, or sent back from review and not yet confirmed returned.
  const inReview =
    sum(requests.filter((r) => r.status === "review" || r.status === "refunded").map((r) => r.amount_kes)) -
    sum(settled.filter((r) => statusOf.get(r.stk_request_id) === "refunded").map((r) => r.amount_kes))
  return {
    safaricom: { in: safaricomIn, out: reversedOut + paidOut, net: safaricomIn - reversedOut - paidOut },
    medusa: { captured, refunded, net: captured - refunded },
    soko: { paid: sokoPaid, refunded: sokoRefunded, net: sokoPaid - sokoRefunded },
    inReview,
  }
}

const agrees = (a: MoneyAudit & { inReview: number }) =>
  a.medusa.net + a.inReview === a.safaricom.net && a.soko.net + a.inReview === a.safaricom.net

/**
 * Asserts the audit once the scenario has settled: Safaricom's net = Medusa's
 * net + money held for review = Soko's net + review. Subscribers run
 * asynchronously on the Redis profile, so it looks a bounded number of times
 * before asserting what it last saw.
 */
export async function expectMoneyAuditHolds(
  container: MedusaContainer,
  sim: { listLedger(): SimLedger },
  orderId: string
): Promise<MoneyAudit & { inReview: number }> {
  let audit = await moneyAudit(container, sim, orderId)
  for (let i = 0; i < 50 && !agrees(audit); i++) {
    await new Promise((r) => setTimeout(r, 200))
    audit = await moneyAudit(container, sim, orderId)
  }
  expect({ safaricom: audit.safaricom.net, medusa: audit.medusa.net + audit.inReview, soko: audit.soko.net + audit.inReview }).toEqual({
    safaricom: audit.safaricom.net,
    medusa: audit.safaricom.net,
    soko: audit.safaricom.net,
  })
  return audit
}
