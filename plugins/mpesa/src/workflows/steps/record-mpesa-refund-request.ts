import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { PlannedMpesaRefund } from "./plan-mpesa-refund"

export type RecordMpesaRefundRequestStepInput = { planned: PlannedMpesaRefund; requested_by?: string }

export const recordMpesaRefundRequestStepId = "record-mpesa-refund-request"

/**
 * Writes the refund as "requested" before Daraja hears of it, so a crash or
 * a lost answer leaves a row that blocks the next refund. No compensation on
 * purpose: once the send step may have reached Safaricom, deleting this row
 * would hide money that may have moved; reconciliation settles it instead.
 */
export const recordMpesaRefundRequestStep = createStep(
  recordMpesaRefundRequestStepId,
  async ({ planned, requested_by }: RecordMpesaRefundRequestStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const refund = await mpesa.createReversals({
      method: planned.method,
      status: "requested",
      stk_request_id: planned.stk_request_id,
      order_id: planned.order_id,
      receipt_number: planned.receipt_number,
      amount_kes: planned.amount_kes,
      msisdn: planned.method === "b2c" ? planned.phone : null,
      requested_by: requested_by ?? null,
    })
    return new StepResponse(refund)
  }
)
