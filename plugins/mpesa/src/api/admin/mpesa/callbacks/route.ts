import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MPESA_MODULE } from "../../../../modules/mpesa"
import type MpesaModuleService from "../../../../modules/mpesa/service"
import { parseQuery } from "../parse-query"
import { AdminMpesaCallbacksQuery } from "../validators"

/** GET /admin/mpesa/callbacks: every callback received, including unmatched and rejected ones. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseQuery(AdminMpesaCallbacksQuery, req.query)
  const filters: Record<string, unknown> = {}
  if (q.outcome) {
    filters.outcome = q.outcome
  }
  if (q.matched) {
    filters.matched = q.matched === "true"
  }
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const [callbacks, count] = await mpesa.listAndCountCallbackLogs(filters, {
    order: { created_at: "DESC" },
    take: q.limit,
    skip: q.offset,
  })
  res.json({ callbacks, count, limit: q.limit, offset: q.offset })
}
