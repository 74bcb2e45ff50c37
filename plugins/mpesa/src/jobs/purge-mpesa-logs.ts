import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { purgeMpesaLogs } from "../lib/purge-logs"

/** Every night: callback logs and push attempts past their retention are deleted. */
export default async function purgeMpesaLogsJob(container: MedusaContainer) {
  let total
  try {
    total = await purgeMpesaLogs(container)
  } catch (error) {
    if ((error as { type?: string }).type === "not_found") {
      return // M-Pesa is not configured on this store
    }
    throw error
  }
  if (total.callbacks || total.attempts) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`M-Pesa retention: deleted ${total.callbacks} callback log rows and ${total.attempts} push attempts`)
  }
}

export const config = {
  name: "soko-mpesa-purge-logs",
  schedule: "17 3 * * *",
}
