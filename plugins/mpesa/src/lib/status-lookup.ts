import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import type { MpesaSession } from "./payment-sessions"
import { mpesaProviderOptions } from "./provider-options"
import { shopperStatus, type ShopperStatus } from "./shopper-status"
import { sessionCheckoutId } from "./session-phone"
import { requestStkCheck } from "./stk-check"

type StkRequestRow = Awaited<ReturnType<MpesaModuleService["listStkRequests"]>>[number]

/** The ledger row of the session's current push, read only (never created here). */
export async function currentStkRequest(container: MedusaContainer, session: MpesaSession): Promise<StkRequestRow | undefined> {
  const checkoutRequestId = sessionCheckoutId(container, session.data)
  if (!checkoutRequestId) {
    return undefined
  }
  const [request] = await container.resolve<MpesaModuleService>(MPESA_MODULE).listStkRequests({ checkout_request_id: checkoutRequestId })
  return request
}

/**
 * The shopper-facing status of an M-Pesa session, for GET routes: it only
 * reads. A prompt that has waited past the reconciliation delay is handed to
 * a worker for an STK Query (at most once per window per push, however many
 * tabs poll), so a lost callback does not keep the shopper waiting; the next
 * poll shows what the worker settled.
 */
export async function lookupMpesaStatus(
  container: MedusaContainer,
  found: { session: MpesaSession; orderId?: string },
  now = new Date()
): Promise<ShopperStatus> {
  const options = mpesaProviderOptions(container)
  const request = await currentStkRequest(container, found.session)
  const status = shopperStatus(found.session.data, request, found.orderId)
  const checkoutRequestId = sessionCheckoutId(container, found.session.data)
  const sentAt = request?.created_at ?? found.session.data?.pushed_at
  if (status.status === "pending" && checkoutRequestId && sentAt) {
    const age = now.getTime() - new Date(sentAt as string | Date).getTime()
    if (age >= options.reconcileAfterSeconds * 1000) {
      await requestStkCheck(container, checkoutRequestId)
    }
  }
  return status
}
