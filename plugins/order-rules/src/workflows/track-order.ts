import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { consumeTrackingAttemptStep } from "./steps/consume-tracking-attempt"
import { findTrackedOrderStep } from "./steps/find-tracked-order"
import type { OrderTrackingView } from "./utils/tracking-view"

export type TrackOrderWorkflowInput = {
  display_id: number
  email: string
  client_key: string
  now?: Date
}

export type TrackOrderResult =
  | { outcome: "found"; tracking: OrderTrackingView }
  | { outcome: "not_found" }
  | { outcome: "rate_limited"; retry_after_seconds: number }

export const trackOrderWorkflowId = "track-order"

/** Guest order tracking by order number + email, rate-limited per client address. */
export const trackOrderWorkflow = createWorkflow(
  trackOrderWorkflowId,
  (input: TrackOrderWorkflowInput) => {
    const attempt = consumeTrackingAttemptStep(
      transform({ input }, ({ input }) => ({
        client_key: input.client_key,
        display_id: input.display_id,
        now: input.now,
      }))
    )
    const tracking = when("tracking-allowed", { attempt }, ({ attempt }) => attempt.allowed).then(() =>
      findTrackedOrderStep(
        transform({ input }, ({ input }) => ({ display_id: input.display_id, email: input.email }))
      )
    )
    return new WorkflowResponse(
      transform({ attempt, tracking }, ({ attempt, tracking }): TrackOrderResult => {
        if (!attempt.allowed) {
          return { outcome: "rate_limited", retry_after_seconds: attempt.retry_after_seconds }
        }
        return tracking ? { outcome: "found", tracking } : { outcome: "not_found" }
      })
    )
  }
)
