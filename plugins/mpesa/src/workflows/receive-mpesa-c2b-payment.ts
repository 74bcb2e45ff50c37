import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CALLBACK_EVENT_OPTIONS } from "../lib/callback-event-options"
import type { C2bPaymentInput } from "../modules/mpesa/c2b-record"
import { recordC2bPaymentStep } from "./steps/record-c2b-payment"

export type ReceiveMpesaC2bPaymentWorkflowInput = C2bPaymentInput

export const receiveMpesaC2bPaymentWorkflowId = "receive-mpesa-c2b-payment"

/** Emitted when a new M-Pesa transaction is recorded from a confirmation (`{ id }`): it is then confirmed with Daraja. */
export const MPESA_C2B_RECEIVED_EVENT = "mpesa.c2b_payment_received"

/**
 * Records a C2B confirmation once by TransID and, the first time, hands it
 * to confirmation through an event (any worker; Daraja gets its answer at
 * once). The body is a hint: nothing here decides anything about money.
 */
export const receiveMpesaC2bPaymentWorkflow = createWorkflow(
  receiveMpesaC2bPaymentWorkflowId,
  (input: ReceiveMpesaC2bPaymentWorkflowInput) => {
    const recorded = recordC2bPaymentStep(input)
    when("mpesa-c2b-new", { recorded, input }, ({ recorded, input }) => recorded.created && input.source !== "pull").then(() => {
      emitEventStep({
        eventName: MPESA_C2B_RECEIVED_EVENT,
        data: transform({ recorded }, ({ recorded }) => ({ id: recorded.id })),
        options: { ...CALLBACK_EVENT_OPTIONS },
      })
    })
    return new WorkflowResponse(recorded)
  }
)
