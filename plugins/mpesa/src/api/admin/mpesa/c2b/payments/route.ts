import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MPESA_MODULE } from "../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../modules/mpesa/service"
import { normalizeAccountRef } from "../../../../../utils/c2b-account"
import { parseQuery } from "../../parse-query"
import { AdminMpesaC2bPaymentsQuery } from "../../validators"

/** What the admin list shows of a C2B payment: the payer only masked, no raw body. */
const FIELDS = [
  "id",
  "trans_id",
  "kind",
  "source",
  "shortcode",
  "account_ref_raw",
  "account_ref",
  "amount_kes",
  "amount_raw",
  "msisdn_masked",
  "first_name",
  "trans_time",
  "state",
  "flag",
  "match_decision",
  "match_detail",
  "order_id",
  "confirmed_at",
  "captured_at",
  "created_at",
] as const

/**
 * GET /admin/mpesa/c2b/payments: paybill/till payments, oldest first.
 * Without `state`, the merchant's queue: confirmed money no order took
 * (unmatched) and payments in review (a second payment, several orders,
 * Daraja disagreeing). Filters: state, kind, trans_id, account, order_id.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseQuery(AdminMpesaC2bPaymentsQuery, req.query)
  const account = q.account ? normalizeAccountRef(q.account) : undefined
  const filters = {
    state: q.state ?? ["unmatched", "review"],
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.trans_id ? { trans_id: q.trans_id.toUpperCase() } : {}),
    ...(q.order_id ? { order_id: q.order_id } : {}),
    ...(q.account ? { account_ref: account?.ok ? account.value : q.account } : {}),
  }
  const [payments, count] = await req.scope
    .resolve<MpesaModuleService>(MPESA_MODULE)
    .listAndCountC2bPayments(filters, { select: [...FIELDS], take: q.limit, skip: q.offset, order: { created_at: "ASC" } })
  res.json({ payments, count, limit: q.limit, offset: q.offset })
}
