import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { purgeMpesaLogsStep } from "./steps/purge-mpesa-logs"

export type PurgeMpesaLogsWorkflowInput = {
  /** Callback log rows created before this (ISO) are deleted. */
  callbacks_before: string
  /** Push attempts created before this (ISO) are deleted. */
  attempts_before: string
  /** Rows of each kind per run, so a large backlog is cleared over several runs. */
  limit: number
}

export const purgeMpesaLogsWorkflowId = "purge-mpesa-logs"

/** Deletes callback logs and push attempts past their retention, in batches. */
export const purgeMpesaLogsWorkflow = createWorkflow(purgeMpesaLogsWorkflowId, (input: PurgeMpesaLogsWorkflowInput) => {
  return new WorkflowResponse(purgeMpesaLogsStep(input))
})
