import { createStep, StepResponse, transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export type UpdateCallbackLogStepInput = { id?: string; matched: boolean; outcome: string; detail?: string }

export const updateCallbackLogStepId = "update-mpesa-callback-log"

/** Notes what became of a callback (matched, and what it led to) for the merchant's log. */
export const updateCallbackLogStep = createStep(
  updateCallbackLogStepId,
  async (input: UpdateCallbackLogStepInput, { container }) => {
    if (!input.id) {
      return new StepResponse(null, null)
    }
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [before] = await mpesa.listCallbackLogs({ id: input.id })
    if (!before) {
      return new StepResponse(null, null)
    }
    await mpesa.updateCallbackLogs({ id: input.id, matched: input.matched, outcome: input.outcome, detail: input.detail ?? null })
    return new StepResponse(null, { id: before.id, matched: before.matched, outcome: before.outcome, detail: before.detail })
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateCallbackLogs(before)
    }
  }
)

/**
 * Composition helper for the refund settle workflows: notes on the callback
 * log whether the body matched a refund and what it led to.
 */
export function noteRefundCallback(
  callbackLogId: string,
  outcome: WorkflowData<{ refund_id?: string; status?: string; note: string }>
) {
  return updateCallbackLogStep({
    id: callbackLogId,
    matched: transform({ outcome }, ({ outcome }) => !!outcome.refund_id),
    outcome: transform({ outcome }, ({ outcome }) => (outcome.refund_id ? outcome.status ?? "ignored" : "unmatched")),
    detail: transform({ outcome }, ({ outcome }) => outcome.note),
  })
}
