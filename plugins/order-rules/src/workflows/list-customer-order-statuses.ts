import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  listCustomerOrderStatusesStep,
  type ListCustomerOrderStatusesStepInput,
} from "./steps/list-customer-order-statuses"

export const listCustomerOrderStatusesWorkflowId = "list-customer-order-statuses"

/** The logged-in customer's orders with their statuses. */
export const listCustomerOrderStatusesWorkflow = createWorkflow(
  listCustomerOrderStatusesWorkflowId,
  (input: ListCustomerOrderStatusesStepInput) => new WorkflowResponse(listCustomerOrderStatusesStep(input))
)
