import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STK_CHECK_REQUESTED_EVENT } from "../lib/stk-check"
import { redactCheckoutId } from "../utils/checkout-id"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"

/**
 * A shopper is watching a prompt that is overdue: settle it with STK Query on
 * a worker, so the status route itself stays read-only. A failure is only
 * logged: the next poll (after the throttle window) or the reconciliation job
 * asks again.
 */
export default async function stkCheckRequestedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ checkout_request_id: string }>) {
  try {
    await settleStkRequestWorkflow(container).run({ input: { checkout_request_id: data.checkout_request_id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`M-Pesa status check for ${redactCheckoutId(data.checkout_request_id)} failed: ${(error as Error).message ?? error}`)
  }
}

export const config: SubscriberConfig = {
  event: STK_CHECK_REQUESTED_EVENT,
  context: { subscriberId: "soko-mpesa-stk-check" },
}
