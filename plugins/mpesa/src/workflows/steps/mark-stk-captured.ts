import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

export const markStkCapturedStepId = "mark-mpesa-stk-captured"

/** Notes that Medusa's payment for the request is captured, so nothing retries it. */
export const markStkCapturedStep = createStep(
  markStkCapturedStepId,
  async ({ request_id }: { request_id: string }, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    await mpesa.updateStkRequests({ id: request_id, captured_at: new Date() })
    return new StepResponse(null, request_id)
  },
  async (requestId, { container }) => {
    if (requestId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).updateStkRequests({ id: requestId, captured_at: null })
    }
  }
)
