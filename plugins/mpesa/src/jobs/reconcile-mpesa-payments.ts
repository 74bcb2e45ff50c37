import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileMpesaPayments } from "../lib/reconcile"
import { announceMissedMpesaCaptures } from "../lib/reconcile-announcements"
import { reportReconcileBacklog } from "../lib/reconcile-backlog"
import { reconcileMpesaRefunds } from "../lib/reconcile-refunds"

/**
 * Every minute: settle prompts whose callback never came, announce captures
 * whose announcement was lost, and settle refunds whose outcome is still open.
 */
export default async function reconcileMpesaPaymentsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let summary
  try {
    summary = await reconcileMpesaPayments(container)
  } catch (error) {
    if ((error as { type?: string }).type === "not_found") {
      return // M-Pesa is not configured on this store
    }
    throw error
  }
  await reportReconcileBacklog(container)
  const announcements = await announceMissedMpesaCaptures(container)
  if (announcements.announced || announcements.errors) {
    logger.info(`M-Pesa captures announced again: ${announcements.announced}, ${announcements.errors} errors`)
  }
  const refunds = await reconcileMpesaRefunds(container)
  if (refunds.asked || refunds.recorded || refunds.errors) {
    logger.info(
      `M-Pesa refund reconciliation: ${refunds.asked} checked with Transaction Status, ${refunds.recorded} recorded, ${refunds.errors} errors`
    )
  }
  if (summary.checked) {
    logger.info(
      `M-Pesa reconciliation: ${summary.checked} checked, ${summary.paid} paid, ${summary.failed} failed, ` +
        `${summary.captured} captured, ${summary.review} sent to review, ${summary.errors} errors`
    )
  }
}

export const config = {
  name: "soko-mpesa-reconcile-payments",
  schedule: "* * * * *",
}
