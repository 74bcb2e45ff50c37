import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { alertMpesaReviewWorkflow } from "../workflows/alert-mpesa-review"
import { MPESA_REVIEW_FLAGGED_EVENT } from "../workflows/settle-stk-request"

/**
 * A payment went to the review queue: alert the merchant in the admin feed.
 * A failed alert is only logged: the payment is in the queue either way.
 */
export default async function mpesaReviewFlaggedHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  try {
    await alertMpesaReviewWorkflow(container).run({ input: { request_id: data.id } })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`M-Pesa review alert for ${data.id} failed: ${(error as Error).message ?? error}`)
  }
}

export const config: SubscriberConfig = {
  event: MPESA_REVIEW_FLAGGED_EVENT,
  context: { subscriberId: "soko-mpesa-review-alert" },
}
