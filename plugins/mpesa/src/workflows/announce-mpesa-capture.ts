import { emitEventStep } from "@medusajs/medusa/core-flows"
import { PaymentEvents } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findMpesaCapturedPaymentStep, type MpesaCaptureRef } from "./steps/find-mpesa-captured-payment"

/** The STK request (`request_id`) or paybill/till payment (`c2b_payment_id`) whose capture is announced. */
export type AnnounceMpesaCaptureWorkflowInput = MpesaCaptureRef

export const announceMpesaCaptureWorkflowId = "announce-mpesa-capture"

/**
 * Announces again a capture whose `payment.captured` never arrived (the worker
 * died after Medusa's capture committed, before the workflow released its
 * grouped events). Subscribers are idempotent on the payment id (the
 * notifications plugin keys each message on it), so a late original and this
 * copy still give one message; this plugin's own subscriber notes the arrival.
 */
export const announceMpesaCaptureWorkflow = createWorkflow(
  announceMpesaCaptureWorkflowId,
  (input: AnnounceMpesaCaptureWorkflowInput) => {
    const payment = findMpesaCapturedPaymentStep(input)
    emitEventStep({
      eventName: PaymentEvents.CAPTURED,
      data: transform({ payment }, ({ payment }) => ({ id: payment.id })),
    })
    return new WorkflowResponse(payment)
  }
)
