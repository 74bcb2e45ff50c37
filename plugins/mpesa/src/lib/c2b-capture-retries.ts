import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { retryMpesaC2bCaptureWorkflow } from "../workflows/retry-mpesa-c2b-capture"

/** Payments looked at per run, oldest first. */
export const CAPTURE_RETRIES_PER_RUN = 50

/**
 * How long a payment decided for an order may wait for its capture to be
 * noted before its settle run counts as dead: past that run's lock (120 s),
 * so a live run is never raced.
 */
export const CAPTURE_RETRY_AFTER_MS = 3 * 60 * 1000

export type CaptureRetrySummary = { resumed: number; review: number; errors: number }

/**
 * Paybill/till payments decided for an order whose capture the ledger never
 * noted (a worker died between deciding and noting) are finished through
 * retry-mpesa-c2b-capture: captured once, or sent to the merchant.
 */
export async function retryCutOffC2bCaptures(container: MedusaContainer, now = new Date()): Promise<CaptureRetrySummary> {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const summary: CaptureRetrySummary = { resumed: 0, review: 0, errors: 0 }
  const rows = await mpesa.listC2bPaymentsToCapture({ limit: CAPTURE_RETRIES_PER_RUN, updated_before: new Date(now.getTime() - CAPTURE_RETRY_AFTER_MS) })
  for (const row of rows) {
    try {
      const { result } = await retryMpesaC2bCaptureWorkflow(container).run({ input: { id: row.id } })
      if (result.action === "resume") {
        summary.resumed += 1
      } else if (result.action === "review") {
        summary.review += 1
      }
    } catch (error) {
      summary.errors += 1
      logger.warn(`Finishing the capture of M-Pesa payment ${row.trans_id} failed: ${(error as Error).message}`)
    }
  }
  return summary
}
