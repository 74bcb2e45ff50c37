import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retryCutOffC2bCaptures } from "../lib/c2b-capture-retries"
import { confirmC2bBacklog } from "../lib/c2b-sync"

/**
 * Every minute: ask Daraja again about paybill/till payments it has not
 * confirmed yet, and finish captures a dying worker cut short.
 */
export default async function reconcileMpesaC2bJob(container: MedusaContainer) {
  let summary
  try {
    summary = await confirmC2bBacklog(container)
  } catch (error) {
    if ((error as { type?: string }).type === "not_found") {
      return // M-Pesa is not configured on this store
    }
    throw error
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (summary.asked || summary.unresolved || summary.errors) {
    logger.info(`M-Pesa C2B confirmation: ${summary.asked} asked again, ${summary.unresolved} sent to review, ${summary.errors} errors`)
  }
  const retried = await retryCutOffC2bCaptures(container)
  if (retried.resumed || retried.review || retried.errors) {
    logger.info(`M-Pesa C2B captures cut off: ${retried.resumed} finished, ${retried.review} sent to review, ${retried.errors} errors`)
  }
}

export const config = {
  name: "soko-mpesa-reconcile-c2b",
  schedule: "* * * * *",
}
