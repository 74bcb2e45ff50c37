import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { loadOrderStatusContextStep } from "./steps/load-order-status-context"
import { planEventStatusChangeStep } from "./steps/plan-event-status-change"
import { recordStatusChangesStep } from "./steps/record-status-changes"
import { resolveEventOrderStep } from "./steps/resolve-event-order"
import {
  ORDER_LOCK_TIMEOUT,
  ORDER_LOCK_TTL,
  ORDER_STATUS_CHANGED_EVENT,
  orderStatusLockKey,
} from "./utils/constants"
import type { RecordedStatusChange } from "../modules/order-rules/types"
import type { OrderEventData } from "./utils/event-order-lookup"
import { toStatusChangedEvents } from "./utils/status-changed-event"

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
      // A transform must return the key itself: a property of a transform's result does not resolve.
      const lockKey = transform({ orderId }, ({ orderId }) => orderStatusLockKey(orderId as string))
      // Also when run as a sub-workflow: no parent holds this order's lock.
      acquireLockStep({
        key: lockKey,
        timeout: ORDER_LOCK_TIMEOUT,
        ttl: ORDER_LOCK_TTL,
        executeOnSubWorkflow: true,
      })
      const context = loadOrderStatusContextStep({ order_id: orderId as unknown as string })
      const plan = planEventStatusChangeStep({ context, event_name: input.event_name })
      const recorded = recordStatusChangesStep(
        transform({ context, plan }, ({ context, plan }) => ({
          order_id: context.order_id,
          expected_version: context.version,
          changes: plan.changes,
        }))
      )
      emitEventStep({
        eventName: ORDER_STATUS_CHANGED_EVENT,
        data: transform({ recorded }, ({ recorded }) => toStatusChangedEvents(recorded?.changes)),
      })
      releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
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
