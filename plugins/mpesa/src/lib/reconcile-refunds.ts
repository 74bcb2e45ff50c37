import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { UNSETTLED_REFUND_STATES } from "../utils/refund-transitions"
import { checkMpesaRefundWorkflow } from "../workflows/check-mpesa-refund"
import { recordMpesaRefundWorkflow } from "../workflows/record-mpesa-refund"
import { mpesaProviderOptions } from "./provider-options"

/** Refunds looked at per run, oldest first, so a backlog cannot make one run endless. */
export const REFUNDS_PER_RUN = 50

export type RefundReconcileSummary = { asked: number; recorded: number; errors: number }

/**
 * Refunds whose outcome is still open after `reconcileAfterSeconds` (no
 * answer, a lost result, a lost Transaction Status answer) get Transaction
 * Status asked again; refunds Safaricom confirmed but Medusa has not recorded
 * (a failed recording) are recorded. Each through its workflow, under the
 * payment's refund lock.
 */
export async function reconcileMpesaRefunds(container: MedusaContainer, now = new Date()): Promise<RefundReconcileSummary> {
  const options = mpesaProviderOptions(container)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date(now.getTime() - options.reconcileAfterSeconds * 1000)
  const summary: RefundReconcileSummary = { asked: 0, recorded: 0, errors: 0 }

  const open = await mpesa.listReversals(
    { status: UNSETTLED_REFUND_STATES, updated_at: { $lt: cutoff } },
    { take: REFUNDS_PER_RUN, order: { created_at: "ASC" } }
  )
  for (const refund of open) {
    try {
      const { result } = await checkMpesaRefundWorkflow(container).run({ input: { refund_id: refund.id, order_id: refund.order_id } })
      summary.asked += result.asked ? 1 : 0
    } catch (error) {
      summary.errors += 1
      logger.warn(`M-Pesa refund check of ${refund.id} failed: ${(error as Error).message}`)
    }
  }
  const unrecorded = await mpesa.listReversals(
    { status: ["reversed", "paid_out"], refund_recorded_at: null },
    { take: REFUNDS_PER_RUN, order: { created_at: "ASC" } }
  )
  for (const refund of unrecorded) {
    try {
      const { result } = await recordMpesaRefundWorkflow(container).run({ input: { refund_id: refund.id, order_id: refund.order_id } })
      summary.recorded += result.action === "record" ? 1 : 0
    } catch (error) {
      summary.errors += 1
      logger.warn(`Recording M-Pesa refund ${refund.id} in Medusa failed: ${(error as Error).message}`)
    }
  }
  return summary
}
