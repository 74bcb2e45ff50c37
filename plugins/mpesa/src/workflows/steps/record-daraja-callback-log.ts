import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { ReceiveDarajaCallbackWorkflowInput } from "../receive-daraja-callback"

export const recordCallbackLogStepId = "record-daraja-callback-log"

/** Keeps a callback that came with the right secret (sanitised), received or rejected. */
export const recordCallbackLogStep = createStep(
  recordCallbackLogStepId,
  async (input: ReceiveDarajaCallbackWorkflowInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const log = await mpesa.createCallbackLogs({
      kind: input.kind,
      checkout_request_id: input.checkout_request_id ?? null,
      outcome: input.rejected ? "rejected" : "received",
      detail: input.rejected ?? null,
      body: input.body,
    })
    return new StepResponse({ id: log.id }, log.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).deleteCallbackLogs(id)
    }
  }
)
