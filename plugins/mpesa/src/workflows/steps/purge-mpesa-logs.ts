import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import type { PurgeMpesaLogsWorkflowInput } from "../purge-mpesa-logs"

export const purgeMpesaLogsStepId = "purge-mpesa-logs"

/**
 * Deletes callback log rows and push attempts past their retention. Not
 * compensated on purpose: the point is that the data is gone. The ledger
 * (pushes, refunds) is never purged here.
 */
export const purgeMpesaLogsStep = createStep(
  purgeMpesaLogsStepId,
  async (input: PurgeMpesaLogsWorkflowInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const callbacks = await mpesa.listCallbackLogs(
      { created_at: { $lt: new Date(input.callbacks_before) } },
      { select: ["id"], take: input.limit, order: { created_at: "ASC" } }
    )
    const attempts = await mpesa.listPushAttempts(
      { created_at: { $lt: new Date(input.attempts_before) } },
      { select: ["id"], take: input.limit, order: { created_at: "ASC" } }
    )
    if (callbacks.length) {
      await mpesa.deleteCallbackLogs(callbacks.map((c) => c.id))
    }
    if (attempts.length) {
      await mpesa.deletePushAttempts(attempts.map((a) => a.id))
    }
    return new StepResponse({ callbacks: callbacks.length, attempts: attempts.length })
  }
)
