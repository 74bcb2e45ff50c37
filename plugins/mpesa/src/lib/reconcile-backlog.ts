import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { mpesaMetrics } from "../utils/telemetry"
import { mpesaProviderOptions } from "./provider-options"

/**
 * Pending STK prompts older than the reconcile threshold: what reconciliation
 * still has to settle. One indexed count (status, created_at), read by the
 * reconcile job each run and reported as the soko.mpesa.reconcile_backlog
 * gauge (a no-op without a meter provider).
 */
export async function reportReconcileBacklog(container: MedusaContainer, now = new Date()): Promise<number> {
  const options = mpesaProviderOptions(container)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const cutoff = new Date(now.getTime() - options.reconcileAfterSeconds * 1000)
  const [, count] = await mpesa.listAndCountStkRequests({ status: "pending", created_at: { $lt: cutoff } }, { take: 1, select: ["id"] })
  mpesaMetrics().backlog.record(count)
  return count
}
