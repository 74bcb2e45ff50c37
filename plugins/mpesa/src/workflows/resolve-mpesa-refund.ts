import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refundLockKey } from "./request-mpesa-refund"
import { applyRefundEventStep } from "./steps/apply-refund-event"
import { askRefundStatusStep } from "./steps/ask-refund-status"
import { claimRefundReceiptStep } from "./steps/claim-refund-receipt"

export type ResolveMpesaRefundWorkflowInput = {
  refund_id: string
  /** The payment's order (the refund lock is per order, as for every refund). */
  order_id: string | null
  /** The refund's receipt on the M-Pesa statement: Transaction Status is asked about it. */
  receipt?: string
  /** The statement shows no such refund: it failed, and the payment can be refunded again. */
  found_nothing?: boolean
  actor_id?: string
}

export const resolveMpesaRefundWorkflowId = "resolve-mpesa-refund"

/**
 * The merchant's way out for a refund Safaricom never answered (no id, so
 * reconciliation cannot ask Transaction Status, and the payment's refunds
 * stay blocked): name its receipt, which Transaction Status then confirms,
 * or say the statement shows none, which fails it through the refund state
 * machine. Under the payment's refund lock, like every refund write.
 */
export const resolveMpesaRefundWorkflow = createWorkflow(
  resolveMpesaRefundWorkflowId,
  (input: ResolveMpesaRefundWorkflowInput) => {
    const key = transform({ input }, ({ input }) => refundLockKey(input.order_id ?? input.refund_id))
    acquireLockStep({ key, timeout: 30, ttl: 120 })
    const claimed = claimRefundReceiptStep(input)
    const asked = when("mpesa-refund-receipt-claimed", { input }, ({ input }) => !!input.receipt).then(() =>
      askRefundStatusStep({ refund_id: claimed.refund_id, when_status: ["requested", "unknown"] })
    )
    const failed = when("mpesa-refund-found-nothing", { input }, ({ input }) => !!input.found_nothing).then(() =>
      applyRefundEventStep({
        refund_id: claimed.refund_id,
        event: { type: "merchant_found_nothing" },
        patch: { result_desc: "The merchant found no such refund on the M-Pesa statement" },
      })
    )
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ asked, failed }, ({ asked, failed }) => ({
        asked: asked?.asked ?? false,
        note: asked?.note ?? (failed?.changed ? "marked failed: the statement shows no such refund" : "nothing changed"),
        status: failed?.refund?.status,
      }))
    )
  }
)
