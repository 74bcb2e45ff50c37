import {
  createWorkflow,
  transform,
  when,
  type WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { loadOrderStatusContextStep } from "./steps/load-order-status-context"
import { planEventStatusChangeStep } from "./steps/plan-event-status-change"
import { resolveEventOrderStep } from "./steps/resolve-event-order"
import type { RecordedStatusChange } from "../modules/order-rules/types"
import type { OrderEventData } from "./utils/event-order-lookup"
import { lockOrderStatus, recordStatusChangesAndUnlock } from "./utils/order-status-lock"

export type ApplyOrderEventWorkflowInput = { event_name: string; data: OrderEventData }

export type ApplyOrderEventResult = {
  order_id: string | null
  status: string | null
  changes: RecordedStatusChange[]
  notes: string[]
}

export const applyOrderEventWorkflowId = "apply-order-event"

/**
 * Moves an order's status after a Medusa event (placement, payment, fulfilment,
 * shipment, delivery, cancel, refund), as the system, under the order's lock.
 */
export const applyOrderEventWorkflow = createWorkflow(
  applyOrderEventWorkflowId,
  (input: ApplyOrderEventWorkflowInput) => {
    const orderId = resolveEventOrderStep(input)

    const outcome = when("order-found", { orderId }, ({ orderId }) => !!orderId).then(() => {
      const lockKey = lockOrderStatus(orderId as WorkflowData<string>)
      const context = loadOrderStatusContextStep({ order_id: orderId as unknown as string })
      const plan = planEventStatusChangeStep({ context, event_name: input.event_name })
      const recorded = recordStatusChangesAndUnlock(
        transform({ context, plan }, ({ context, plan }) => ({
          order_id: context.order_id,
          expected_version: context.version,
          changes: plan.changes,
        })),
        lockKey
      )
      return transform({ context, plan, recorded }, ({ context, plan, recorded }): ApplyOrderEventResult => ({
        order_id: context.order_id,
        status: recorded?.lifecycle.status ?? context.status,
        changes: recorded?.changes ?? [],
        notes: plan.notes,
      }))
    })

    return new WorkflowResponse(
      transform({ outcome }, ({ outcome }): ApplyOrderEventResult =>
        (outcome as ApplyOrderEventResult | undefined) ?? {
          order_id: null,
          status: null,
          changes: [],
          notes: ["no order for this event"],
        }
      )
    )
  }
)
