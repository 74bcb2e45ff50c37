import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { confirmC2bBacklog } from "../lib/c2b-sync"

/** Every minute: ask Daraja again about paybill/till payments it has not confirmed yet. */
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
  if (summary.asked || summary.unresolved || summary.errors) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`M-Pesa C2B confirmation: ${summary.asked} asked again, ${summary.unresolved} sent to review, ${summary.errors} errors`)
  }
}

export const config = {
  name: "soko-mpesa-reconcile-c2b",
  schedule: "* * * * *",
}
