import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildNotificationDraftsStep } from "./steps/build-notification-drafts"
import { deliverNotificationMessagesStep } from "./steps/deliver-notification-messages"
import { loadNotificationContextStep } from "./steps/load-notification-context"
import { recordNotificationMessagesStep } from "./steps/record-notification-messages"
import { EventPlan, planEvent } from "./utils/plan-event"

export type SendEventNotificationsWorkflowInput = {
  event_name: string
  data: unknown
  /** When the event was emitted (its metadata.created_at), for latency. */
  event_at?: string | Date
}

export const sendEventNotificationsWorkflowId = "soko-send-event-notifications"

/**
 * Turns one event into messages: plan what it means, load the data with one
 * query, pick recipients and channels, render, record each message under its
 * idempotency key, and send the new ones. A replayed event records nothing
 * new and so sends nothing.
 */
export const sendEventNotificationsWorkflow = createWorkflow(
  sendEventNotificationsWorkflowId,
  (input: SendEventNotificationsWorkflowInput) => {
    const plan = transform({ input }, ({ input }) => planEvent(input.event_name, input.data))
    const outcomes = when("soko-notifications-event-has-plan", { plan }, ({ plan }) => plan !== null).then(() => {
      const context = loadNotificationContextStep(
        transform({ plan }, ({ plan }) => ({ lookup: (plan as EventPlan).lookup }))
      )
      const drafts = buildNotificationDraftsStep(
        transform({ input, plan, context }, ({ input, plan, context }) => ({
          event_name: input.event_name,
          event_at: input.event_at,
          plan: plan as EventPlan,
          context,
        }))
      )
      const recorded = recordNotificationMessagesStep(transform({ drafts }, ({ drafts }) => ({ drafts })))
      return deliverNotificationMessagesStep(transform({ recorded }, ({ recorded }) => ({ ids: recorded.pending })))
    })
    return new WorkflowResponse(transform({ outcomes }, ({ outcomes }) => outcomes ?? []))
  }
)
