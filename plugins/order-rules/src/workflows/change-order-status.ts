import { cancelOrderWorkflow, completeOrderWorkflow } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { loadOrderStatusContextStep } from "./steps/load-order-status-context"
import { planStatusChangeStep, type StatusChangeRequest } from "./steps/plan-status-change"
import { lockOrderStatus, recordStatusChangesAndUnlock } from "./utils/order-status-lock"

export type ChangeOrderStatusWorkflowInput = StatusChangeRequest & { order_id: string }

export const changeOrderStatusWorkflowId = "change-order-status"

/**
 * The one way to change an order's status by request (admin, customer, timers):
 * under the order's lock, checks the rules, runs Medusa's cancel/complete when
 * the target needs it, records the change and emits `order_status.changed`.
 * A repeated idempotency key returns the first result and changes nothing.
 */
export const changeOrderStatusWorkflow = createWorkflow(
  changeOrderStatusWorkflowId,
  (input: ChangeOrderStatusWorkflowInput) => {
    const lockKey = lockOrderStatus(input.order_id)

    const context = loadOrderStatusContextStep({
      order_id: input.order_id,
      idempotency_key: input.idempotency_key,
    })
    const plan = planStatusChangeStep({ context, request: input })

    when("cancel-in-medusa", { plan }, ({ plan }) => plan.cancel_in_medusa).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          order_id: input.order_id,
          canceled_by: input.actor_id ?? undefined,
        })),
      })
    })
    when("complete-in-medusa", { plan }, ({ plan }) => plan.complete_in_medusa).then(() => {
      completeOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ orderIds: [input.order_id] })),
      })
    })

    const recorded = recordStatusChangesAndUnlock(
      transform({ input, context, plan }, ({ input, context, plan }) => ({
        order_id: input.order_id,
        expected_version: context.version,
        changes: plan.changes,
      })),
      lockKey
    )

    const result = transform({ context, plan, recorded }, ({ context, plan, recorded }) => ({
      order_id: context.order_id,
      status: recorded?.lifecycle.status ?? plan.replayed?.to_status ?? context.status ?? context.rule_set.initial,
      changes: recorded?.changes ?? (plan.replayed ? [plan.replayed] : []),
      replayed: plan.replayed !== null,
      skipped: plan.skipped,
    }))
    return new WorkflowResponse(result)
  }
)
