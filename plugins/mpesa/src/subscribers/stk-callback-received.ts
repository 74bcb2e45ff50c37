import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { mpesaProviderOptions } from "../lib/provider-options"
import { phoneSealKey, sealRef } from "../providers/mpesa/phone-seal"
import { redactCheckoutId } from "../utils/checkout-id"
import { withSpan } from "../utils/telemetry"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"

// A callback can beat the push's own database write by a few milliseconds;
// look again a few times before calling it unmatched.
const MATCH_ATTEMPTS = 5
const MATCH_PAUSE_MS = 400

/** The span names the push by its HMAC ref (as mpesa.push does), never by the CheckoutRequestID. */
function checkoutRef(container: MedusaContainer, checkoutRequestId: string | undefined): string | undefined {
  try {
    return checkoutRequestId ? sealRef(checkoutRequestId, phoneSealKey(mpesaProviderOptions(container))) : undefined
  } catch {
    return undefined
  }
}

export default async function stkCallbackReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string; checkout_request_id: string }>) {
  const checkout_ref = checkoutRef(container, data.checkout_request_id)
  for (let attempt = 1; attempt <= MATCH_ATTEMPTS; attempt++) {
    let request_id: string | undefined
    try {
      request_id = await withSpan(
        "mpesa.callback.settle",
        { ...(checkout_ref ? { "soko.mpesa.checkout_ref": checkout_ref } : {}), "soko.mpesa.attempt": attempt },
        async (setAttributes) => {
          const { result } = await settleStkRequestWorkflow(container).run({
            input: { checkout_request_id: data.checkout_request_id, callback_log_id: data.callback_log_id },
          })
          setAttributes({
            "soko.mpesa.decision": result.action,
            "soko.mpesa.matched": !!result.request_id,
            ...(result.status ? { "soko.mpesa.status": result.status } : {}),
            ...(result.result_code ? { "soko.mpesa.result_code": result.result_code } : {}),
          })
          return result.request_id
        }
      )
    } catch (error) {
      // Medusa's event bus logs a workflow error as "[object Object]"; say which payment, then
      // let the bus run this again (CALLBACK_EVENT_OPTIONS).
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`M-Pesa callback for ${redactCheckoutId(data.checkout_request_id)} not settled yet: ${(error as Error).message ?? error}`)
      throw error
    }
    if (request_id || attempt === MATCH_ATTEMPTS) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, MATCH_PAUSE_MS * attempt))
  }
}

export const config: SubscriberConfig = {
  event: "mpesa.stk_callback_received",
  context: { subscriberId: "soko-mpesa-settle-stk-callback" },
}
