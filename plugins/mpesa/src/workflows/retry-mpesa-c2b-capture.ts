import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { c2bLockKey, MPESA_C2B_FOR_MERCHANT_EVENT } from "./settle-mpesa-c2b-payment"
import { applyC2bEventStep } from "./steps/apply-c2b-event"
import { planC2bCaptureRetryStep } from "./steps/plan-c2b-capture-retry"
import { captureC2bInMedusa } from "./utils/capture-c2b-in-medusa"

export type RetryMpesaC2bCaptureWorkflowInput = { id: string }

export const retryMpesaC2bCaptureWorkflowId = "retry-mpesa-c2b-capture"

/**
 * Finishes a C2B payment's capture that a dying worker cut short: decided
 * for an order, but the ledger never noted Medusa's capture. If Medusa holds
 * the capture it is only noted (and announced); if not, and the order still
 * owes what the payment was to pay, it is captured now; otherwise the
 * merchant decides (review, "capture_overtaken").
 */
export const retryMpesaC2bCaptureWorkflow = createWorkflow(retryMpesaC2bCaptureWorkflowId, (input: RetryMpesaC2bCaptureWorkflowInput) => {
  const key = transform({ input }, ({ input }) => c2bLockKey(input.id))
  acquireLockStep({ key, timeout: 5, ttl: 120 })
  const plan = planC2bCaptureRetryStep({ id: input.id })
  captureC2bInMedusa({ id: input.id, capture: transform({ plan }, ({ plan }) => (plan.action === "resume" ? plan.capture : undefined)) })
  const overtaken = applyC2bEventStep({
    id: input.id,
    event: transform({ plan }, ({ plan }) => (plan.action === "review" ? { type: "capture_overtaken" as const } : undefined)),
  })
  when("mpesa-c2b-overtaken-for-merchant", { overtaken }, ({ overtaken }) => overtaken.changed).then(() => {
    emitEventStep({
      eventName: MPESA_C2B_FOR_MERCHANT_EVENT,
      data: transform({ overtaken }, ({ overtaken }) => ({ id: overtaken.id, state: overtaken.state, flag: overtaken.flag ?? null })),
    }).config({ name: "alert-mpesa-c2b-overtaken" })
  })
  releaseLockStep({ key })
  return new WorkflowResponse(transform({ plan, overtaken }, ({ plan, overtaken }) => ({ action: plan.action, ...(overtaken.changed ? { state: overtaken.state } : {}) })))
})
