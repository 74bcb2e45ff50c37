import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type { C2bPaymentInput } from "../../modules/mpesa/c2b-record"
import type MpesaModuleService from "../../modules/mpesa/service"

export type RecordC2bPaymentStepOutput = { id: string; state: string; created: boolean }

export const recordC2bPaymentStepId = "record-mpesa-c2b-payment"

/**
 * Records an M-Pesa transaction once by TransID (insert-once in the
 * database, so copies on two servers make one row). Undone only when this
 * run made the row.
 */
export const recordC2bPaymentStep = createStep(
  recordC2bPaymentStepId,
  async (input: C2bPaymentInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const { payment, created } = await mpesa.recordC2bPayment(input)
    return new StepResponse<RecordC2bPaymentStepOutput, string | null>(
      { id: payment.id, state: payment.state, created },
      created ? payment.id : null
    )
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).deleteC2bPayments(createdId)
    }
  }
)
