import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { maskMsisdn } from "../providers/mpesa/session-data"
import { CONFIRMED_PAID_FLAGS, describeReviewFlag, reviewReceipt } from "../utils/review-actions"
import { refundSummary } from "../utils/statement"
import type { RefundState } from "../utils/refund-transitions"

type StkRow = Awaited<ReturnType<MpesaModuleService["listStkRequests"]>>[number]

/** What the admin sees of one refund: no raw result, no full phone. */
export type StatementRefundRow = {
  id: string
  method: "reversal" | "b2c"
  status: RefundState
  amount_kes: number
  payout_receipt: string | null
  result_desc: string | null
  created_at: Date
  settled_at: Date | null
}

/**
 * The admin's view of payments: each with what was refunded against it, its
 * order's display number (read through Medusa's query graph) and the phone
 * masked. Reads only.
 */
export async function paymentsWithRefunds(container: MedusaContainer, requests: StkRow[]) {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const ids = requests.map((r) => r.id)
  const refunds = ids.length ? await mpesa.listReversals({ stk_request_id: ids }, { order: { created_at: "ASC" } }) : []
  const orderIds = [...new Set(requests.map((r) => r.order_id).filter((id): id is string => !!id))]
  const displayIds = new Map<string, number>()
  if (orderIds.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: orderIds },
    })
    for (const order of data as { id: string; display_id: number }[]) {
      displayIds.set(order.id, order.display_id)
    }
  }
  return requests.map((r) => {
    const own: StatementRefundRow[] = refunds
      .filter((f) => f.stk_request_id === r.id)
      .map((f) => ({
        id: f.id,
        method: f.method,
        status: f.status as RefundState,
        amount_kes: f.amount_kes,
        payout_receipt: f.payout_receipt,
        result_desc: f.result_desc,
        created_at: f.created_at,
        settled_at: f.settled_at,
      }))
    const moneyIn = r.status === "paid" || r.status === "refunded" || r.status === "review"
    return {
      id: r.id,
      checkout_request_id: r.checkout_request_id,
      status: r.status,
      flag: r.flag,
      flag_text: r.flag ? describeReviewFlag(r.flag) : null,
      amount_kes: r.amount_kes,
      phone_masked: maskMsisdn(r.phone),
      receipt_number: reviewReceipt(r) ?? null,
      result_code: r.result_code,
      result_desc: r.result_desc,
      order_id: r.order_id,
      order_display_id: r.order_id ? displayIds.get(r.order_id) ?? null : null,
      created_at: r.created_at,
      settled_at: r.settled_at,
      captured_at: r.captured_at,
      refunds: own,
      ...(moneyIn ? refundSummary(r.amount_kes, own) : { refunded_kes: 0, pending_kes: 0, refundable_kes: 0 }),
    }
  })
}

export type AdminPaymentRow = Awaited<ReturnType<typeof paymentsWithRefunds>>[number]

/** What the merchant can do with a row of the review queue (the workflows decide again under their locks). */
export function reviewActions(row: AdminPaymentRow) {
  const confirmed = (CONFIRMED_PAID_FLAGS as readonly string[]).includes(row.flag ?? "")
  const open = row.refunds.some((f) => f.status !== "failed")
  return {
    can_attach: row.status === "review" && confirmed && !!row.receipt_number,
    can_refund: (confirmed || row.flag === "amount_mismatch") && !!row.receipt_number && !open && !row.captured_at,
  }
}
