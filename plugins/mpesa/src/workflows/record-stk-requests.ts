import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordStkRequestsStep } from "./steps/record-stk-requests"

export type RecordStkRequestsWorkflowInput = { payment_collection_id: string; provider_id?: string }

export const recordStkRequestsWorkflowId = "record-mpesa-stk-requests"

/** Records the ledger rows of the prompts a payment collection's M-Pesa sessions just sent. */
export const recordStkRequestsWorkflow = createWorkflow(recordStkRequestsWorkflowId, (input: RecordStkRequestsWorkflowInput) => {
  return new WorkflowResponse(recordStkRequestsStep(input))
})
