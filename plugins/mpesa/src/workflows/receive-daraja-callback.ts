import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CALLBACK_EVENT_OPTIONS } from "../lib/callback-event-options"
import { recordCallbackLogStep } from "./steps/record-daraja-callback-log"
import type { StoredBody } from "../utils/sanitize-body"

export type DarajaCallbackKind = "stk" | "reversal" | "b2c" | "status"

export type ReceiveDarajaCallbackWorkflowInput = {
  kind: DarajaCallbackKind
  /** Already sanitised (utils/sanitize-body). */
  body: StoredBody
  checkout_request_id?: string | null
  /** Set when the body was refused: why. Nothing is settled then. */
  rejected?: string
}

/** The event each accepted callback kind starts; its subscriber runs the settle workflow. */
export const DARAJA_CALLBACK_EVENTS: Record<DarajaCallbackKind, string> = {
  stk: "mpesa.stk_callback_received",
  reversal: "mpesa.refund_result_received",
  b2c: "mpesa.refund_result_received",
  status: "mpesa.refund_status_received",
}

export const receiveDarajaCallbackWorkflowId = "receive-daraja-callback"

/**
 * Keeps a callback that came with the right secret in the callback log and,
 * when its shape is right, hands it to the settle workflows through an event
 * (any worker can take it; Daraja gets its answer at once). Nothing here
 * decides anything about money: the body is a hint.
 */
export const receiveDarajaCallbackWorkflow = createWorkflow(
  receiveDarajaCallbackWorkflowId,
  (input: ReceiveDarajaCallbackWorkflowInput) => {
    const log = recordCallbackLogStep(input)
    when("daraja-callback-accepted", { input }, ({ input }) => !input.rejected).then(() => {
      emitEventStep({
        eventName: transform({ input }, ({ input }) => DARAJA_CALLBACK_EVENTS[input.kind]),
        data: transform({ input, log }, ({ input, log }) => ({
          callback_log_id: log.id,
          ...(input.checkout_request_id ? { checkout_request_id: input.checkout_request_id } : {}),
        })),
        options: { ...CALLBACK_EVENT_OPTIONS },
      })
    })
    return new WorkflowResponse(log)
  }
)
