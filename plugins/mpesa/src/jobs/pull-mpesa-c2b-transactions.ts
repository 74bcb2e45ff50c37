import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pullC2bTransactions } from "../lib/c2b-sync"

/**
 * Every ten minutes, when MPESA_C2B_PULL_TRANSACTIONS is on: Daraja's list of
 * paybill/till payments for the last hours, so a confirmation that never
 * arrived still pays its order. Medusa's scheduler runs a job on one worker
 * at a time; the TransID's unique row makes a repeat harmless anyway.
 */
export default async function pullMpesaC2bTransactionsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const summary = await pullC2bTransactions(container)
    if (summary.recorded || summary.errors) {
      logger.info(
        `M-Pesa Pull Transactions: ${summary.listed} listed, ${summary.recorded} new, ${summary.confirmed} confirmed, ${summary.errors} errors`
      )
    }
  } catch (error) {
    if ((error as { type?: string }).type === "not_found") {
      return
    }
    // Daraja down, or the shortcode not registered for Pull: the next run tries again.
    logger.warn(`M-Pesa Pull Transactions failed: ${(error as Error).message}`)
  }
}

export const config = {
  name: "soko-mpesa-pull-c2b-transactions",
  schedule: "*/10 * * * *",
}
