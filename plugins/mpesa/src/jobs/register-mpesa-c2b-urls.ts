import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { mpesaProviderOptions } from "../lib/provider-options"
import { registerMpesaC2bUrlsWorkflow } from "../workflows/register-mpesa-c2b-urls"

/**
 * Once after start-up (a scheduled job with one execution, so one worker
 * runs it however many there are): registers the C2B URLs when C2B is
 * configured. Daraja being down is logged and shown in the admin status;
 * the merchant can register again from the admin.
 */
export default async function registerMpesaC2bUrlsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let enabled = false
  try {
    enabled = !!mpesaProviderOptions(container).c2b
  } catch {
    return // M-Pesa is not configured on this store
  }
  if (!enabled) {
    return
  }
  try {
    const { result } = await registerMpesaC2bUrlsWorkflow(container).run({ input: { requested_by: "startup" } })
    const log = result.ok ? logger.info.bind(logger) : logger.warn.bind(logger)
    log(`M-Pesa C2B URL registration for ${result.shortcode}: ${result.detail}`)
  } catch (error) {
    logger.warn(`M-Pesa C2B URL registration did not run: ${(error as Error).message}`)
  }
}

export const config = {
  name: "soko-mpesa-register-c2b-urls",
  schedule: "* * * * *",
  numberOfExecutions: 1,
}
