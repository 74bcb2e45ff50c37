import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import {
  recordStatusChangesStep,
  type RecordStatusChangesStepInput,
} from "../steps/record-status-changes"
import {
  ORDER_LOCK_TIMEOUT,
  ORDER_LOCK_TTL,
  ORDER_STATUS_CHANGED_EVENT,
  orderStatusLockKey,
} from "./constants"
import { toStatusChangedEvents } from "./status-changed-event"

// The two halves every status-changing workflow wraps its plan in, so that each
// takes the same lock and announces the same way. They add steps to the workflow
// being composed: call them in a workflow's body, not at run time.

/** Takes the order's status lock and answers its key, for `recordStatusChangesAndUnlock`. */
export function lockOrderStatus(orderId: string | WorkflowData<string>): WorkflowData<string> {
  // A transform must return the key itself: a property of a transform's result does not resolve.
  const lockKey = transform({ orderId }, ({ orderId }) => orderStatusLockKey(orderId))
  // Also when run as a sub-workflow: no parent holds this order's lock.
  acquireLockStep({
    key: lockKey,
    timeout: ORDER_LOCK_TIMEOUT,
    ttl: ORDER_LOCK_TTL,
    executeOnSubWorkflow: true,
  })
  return lockKey
}

/** Records the planned changes, emits `order_status.changed` for each, then releases the lock. */
export function recordStatusChangesAndUnlock(
  input: WorkflowData<RecordStatusChangesStepInput>,
  lockKey: WorkflowData<string>
) {
  const recorded = recordStatusChangesStep(input)
  emitEventStep({
    eventName: ORDER_STATUS_CHANGED_EVENT,
    data: transform({ recorded }, ({ recorded }) => toStatusChangedEvents(recorded?.changes)),
  })
  releaseLockStep({ key: lockKey, executeOnSubWorkflow: true })
  return recorded
}
