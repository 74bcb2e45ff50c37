import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"

/**
 * A step that notes on a ledger row when something happened (Medusa captured
 * it, Medusa holds its refund), and clears the note again if the workflow is
 * rolled back. `key` names the input field holding the row's id.
 */
export function markLedgerTimeStep<K extends string>(
  stepId: string,
  key: K,
  mark: (mpesa: MpesaModuleService, id: string, at: Date | null) => Promise<unknown>
) {
  return createStep<Record<K, string>, null, string>(
    stepId,
    async (input, { container }) => {
      const id: string = input[key]
      await mark(container.resolve<MpesaModuleService>(MPESA_MODULE), id, new Date())
      return new StepResponse(null, id)
    },
    async (id, { container }) => {
      if (id) {
        await mark(container.resolve<MpesaModuleService>(MPESA_MODULE), id, null)
      }
    }
  )
}
