import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

/** Reads, never writes: the captured Medusa payment an STK ledger row paid for. */
export const findStkCapturedPaymentStep = createStep(
  "find-mpesa-stk-captured-payment",
  async ({ request_id }: { request_id: string }, { container }) => {
    const [request] = await container
      .resolve<MpesaModuleService>(MPESA_MODULE)
      .listStkRequests({ id: request_id }, { select: ["id", "payment_session_id"] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = request
      ? await query.graph({ entity: "payment_session", fields: ["id", "payment.id", "payment.captured_at"], filters: { id: request.payment_session_id } })
      : { data: [] }
    const payment = (data[0] as { payment?: { id: string; captured_at?: string | null } | null } | undefined)?.payment
    if (!payment?.captured_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `M-Pesa request ${request_id} has no captured Medusa payment to announce`)
    }
    return new StepResponse({ id: payment.id })
  }
)
