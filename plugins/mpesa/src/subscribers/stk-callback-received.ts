import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { redactCheckoutId } from "../utils/checkout-id"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"

// A callback can beat the push's own database write by a few milliseconds;
// look again a few times before calling it unmatched.
const MATCH_ATTEMPTS = 5
const MATCH_PAUSE_MS = 400

export default async function stkCallbackReceivedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ callback_log_id: string; checkout_request_id: string }>) {
  for (let attempt = 1; attempt <= MATCH_ATTEMPTS; attempt++) {
    let request_id: string | undefined
    try {
      const { result } = await settleStkRequestWorkflow(container).run({
        input: { checkout_request_id: data.checkout_request_id, callback_log_id: data.callback_log_id },
      })
      request_id = result.request_id
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
