import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"
import { ensureStkRequest } from "../workflows/steps/ensure-stk-request"
import { findMpesaSession } from "./payment-sessions"
import { mpesaProviderOptions } from "./provider-options"
import { shopperStatus, type ShopperStatus } from "./shopper-status"

/** Ask Daraja ourselves at most this often per request while a shopper is watching. */
const QUERY_EVERY_MS = 10_000

/**
 * The shopper-facing status of an order's or cart's M-Pesa payment. A prompt
 * that has waited past the reconciliation delay is checked with STK Query
 * right away, so a lost callback does not keep the shopper waiting.
 */
export async function lookupMpesaStatus(
  container: MedusaContainer,
  ref: { order_id?: string; cart_id?: string },
  now = new Date()
): Promise<ShopperStatus> {
  const options = mpesaProviderOptions(container)
  const found = await findMpesaSession(container, ref, options.providerId)
  let { request } = await ensureStkRequest(container, found.session)
  if (request && request.status === "pending") {
    const age = now.getTime() - new Date(request.created_at as unknown as string).getTime()
    const lastQueried = request.last_queried_at ? new Date(request.last_queried_at as unknown as string).getTime() : 0
    if (age >= options.reconcileAfterSeconds * 1000 && now.getTime() - lastQueried >= QUERY_EVERY_MS) {
      const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
      await mpesa.updateStkRequests({ id: request.id, last_queried_at: now })
      await settleStkRequestWorkflow(container).run({ input: { checkout_request_id: request.checkout_request_id } })
      request = await mpesa.retrieveStkRequest(request.id)
    }
  }
  return shopperStatus(found.session.data, request, found.orderId)
}
