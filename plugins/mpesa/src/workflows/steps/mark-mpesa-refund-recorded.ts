import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export const markRefundRecordedStepId = "mark-mpesa-refund-recorded"

/** Notes that Medusa holds the refund, so reconciliation does not record it again. */
export const markRefundRecordedStep = createStep(
  markRefundRecordedStepId,
  async ({ refund_id }: { refund_id: string }, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    await mpesa.updateReversals({ id: refund_id, refund_recorded_at: new Date() })
    return new StepResponse(null, refund_id)
  },
  async (refundId, { container }) => {
    if (refundId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateReversals({ id: refundId, refund_recorded_at: null })
    }
  }
)
