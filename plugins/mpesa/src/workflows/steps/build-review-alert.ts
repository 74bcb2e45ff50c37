import { MedusaError } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { maskMsisdn } from "../../providers/mpesa/session-data"
import { reviewReceipt } from "../../utils/review-actions"
import { reviewAlert } from "../../utils/review-alert"

export const buildReviewAlertStepId = "build-mpesa-review-alert"

/**
 * The admin feed notification for a payment that went to review, keyed by
 * the request so a replayed event alerts once (the Notification Module skips
 * a key it has sent). Reads only.
 */
export const buildReviewAlertStep = createStep(buildReviewAlertStepId, async ({ request_id }: { request_id: string }, { container }) => {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const [request] = await mpesa.listStkRequests({ id: request_id })
  if (!request) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa payment with id ${request_id}`)
  }
  const alert = reviewAlert({ ...request, phone_masked: maskMsisdn(request.phone), receipt: reviewReceipt(request) })
  const notification: CreateNotificationDTO = {
    to: "",
    channel: "feed",
    template: "admin-ui",
    data: alert,
    trigger_type: "mpesa.review_flagged",
    resource_id: request.id,
    resource_type: "mpesa_stk_request",
    idempotency_key: `mpesa-review-flagged:${request.id}`,
  }
  return new StepResponse([notification])
})
