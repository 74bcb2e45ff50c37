import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { askC2bStatusStep } from "./steps/ask-c2b-status"

export const confirmMpesaC2bPaymentWorkflowId = "confirm-mpesa-c2b-payment"

/** Asks Daraja to confirm a received C2B payment (Transaction Status); its answer settles it. */
export const confirmMpesaC2bPaymentWorkflow = createWorkflow(confirmMpesaC2bPaymentWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(askC2bStatusStep(input))
})
