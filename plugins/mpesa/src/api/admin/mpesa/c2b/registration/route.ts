import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { mpesaProviderOptions } from "../../../../../lib/provider-options"
import { MPESA_MODULE } from "../../../../../modules/mpesa"
import type MpesaModuleService from "../../../../../modules/mpesa/service"
import { registerMpesaC2bUrlsWorkflow } from "../../../../../workflows/register-mpesa-c2b-urls"

/** GET /admin/mpesa/c2b/registration: whether paybill/till payments are on, and the URLs' registration status. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const c2b = mpesaProviderOptions(req.scope).c2b
  const registration = c2b ? await req.scope.resolve<MpesaModuleService>(MPESA_MODULE).retrieveC2bRegistration(c2b.shortcode) : undefined
  res.json({
    enabled: !!c2b,
    ...(c2b ? { shortcode: c2b.shortcode, type: c2b.type, validation: c2b.validation, pull_transactions: c2b.pullTransactions } : {}),
    registration: registration ?? null,
  })
}

/**
 * POST /admin/mpesa/c2b/registration: registers the shop's confirmation and
 * validation URLs with Daraja (again: "already registered" is success).
 * 400 when the URL has a word Daraja refuses; 502 when Daraja failed (the
 * status records why either way).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await registerMpesaC2bUrlsWorkflow(req.scope).run({ input: { requested_by: "admin" } })
  const status = result.ok ? 200 : result.config_error ? 400 : 502
  res.status(status).json(result.ok ? { registration: result } : { type: result.config_error ? "invalid_data" : "daraja_unavailable", message: result.detail })
}
