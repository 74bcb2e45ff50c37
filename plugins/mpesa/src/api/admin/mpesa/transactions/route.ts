import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { paymentsWithRefunds } from "../../../../lib/admin-statement"
import { MPESA_MODULE } from "../../../../modules/mpesa"
import type MpesaModuleService from "../../../../modules/mpesa/service"
import { normalizeKenyanPhone } from "../../../../utils/phone"
import { parseQuery } from "../parse-query"
import { AdminMpesaTransactionsQuery } from "../validators"

/**
 * GET /admin/mpesa/transactions: the STK ledger as a statement, newest first:
 * each payment with its refunds (reversal or payouts, settled or open),
 * refunded so far and what is still refundable, and its order's display number.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseQuery(AdminMpesaTransactionsQuery, req.query)
  const filters: Record<string, unknown> = {}
  if (q.status) {
    filters.status = q.status
  }
  if (q.phone) {
    const phone = normalizeKenyanPhone(q.phone)
    filters.phone = phone.ok ? phone.msisdn : q.phone.replace(/\D/g, "")
  }
  if (q.receipt) {
    filters.receipt_number = q.receipt.toUpperCase()
  }
  if (q.flagged) {
    filters.flag = q.flagged === "true" ? { $ne: null } : null
  }
  if (q.from || q.to) {
    filters.created_at = { ...(q.from ? { $gte: new Date(q.from) } : {}), ...(q.to ? { $lte: new Date(q.to) } : {}) }
  }
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const [requests, count] = await mpesa.listAndCountStkRequests(filters, {
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  const transactions = await paymentsWithRefunds(req.scope, requests)
  res.json({ transactions, count, limit: q.limit, offset: q.offset })
}
