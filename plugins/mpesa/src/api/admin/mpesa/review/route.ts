import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { paymentsWithRefunds, reviewActions } from "../../../../lib/admin-statement"
import { MPESA_MODULE } from "../../../../modules/mpesa"
import type MpesaModuleService from "../../../../modules/mpesa/service"
import { parseQuery } from "../parse-query"
import { AdminMpesaReviewQuery } from "../validators"

/**
 * GET /admin/mpesa/review: the review queue, oldest first: payments in
 * review, and payments sent back whose reversal failed (they need the
 * merchant again). Each with its flag in words, amount, masked phone,
 * receipt, order display number and what the merchant can do.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseQuery(AdminMpesaReviewQuery, req.query)
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  // The queue is short by nature (each row is money that did not add up), so it is read whole.
  const rows = await paymentsWithRefunds(
    req.scope,
    await mpesa.listStkRequests({ status: ["review", "refunded"] }, { order: { created_at: "ASC" } })
  )
  const waiting = rows.filter((r) => r.status === "review" || r.refunds.every((f) => f.status === "failed"))
  const requests = waiting.slice(q.offset, q.offset + q.limit).map((r) => ({ ...r, ...reviewActions(r) }))
  res.json({ requests, count: waiting.length, limit: q.limit, offset: q.offset })
}
