import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"
import { ensureStkRequest } from "../workflows/steps/ensure-stk-request"
import { mpesaProviderOptions } from "./provider-options"

export type ReconcileSummary = {
  checked: number
  paid: number
  failed: number
  captured: number
  errors: number
  /** What was decided for each push, for the job's log. */
  decisions: { checkout_request_id: string; action: string; note: string }[]
}

/**
 * Settles every STK push still pending `reconcileAfterSeconds` after it was
 * sent (a lost callback), and retries Medusa captures of paid pushes that did
 * not get one. Safe with several workers: each push is settled under its own
 * lock and settling twice changes nothing.
 */
export async function reconcileMpesaPayments(container: MedusaContainer, now = new Date()): Promise<ReconcileSummary> {
  const options = mpesaProviderOptions(container)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date(now.getTime() - options.reconcileAfterSeconds * 1000)

  // Sessions whose push was never recorded (the recording runs after the response).
  const sessions = await container.resolve(Modules.PAYMENT).listPaymentSessions({
    provider_id: options.providerId,
    status: ["pending", "pending_authorization"],
    created_at: { $lt: cutoff },
  } as never)
  for (const session of sessions) {
    await ensureStkRequest(container, { id: session.id, payment_collection_id: session.payment_collection_id, data: session.data as never })
  }

  const stale = await mpesa.listStkRequests({ status: "pending", created_at: { $lt: cutoff } }, { take: 200 })
  const uncaptured = await mpesa.listStkRequests({ status: "paid", captured_at: null, flag: null }, { take: 200 })
  const summary: ReconcileSummary = { checked: 0, paid: 0, failed: 0, captured: 0, errors: 0, decisions: [] }
  for (const request of [...stale, ...uncaptured]) {
    summary.checked += 1
    try {
      await mpesa.updateStkRequests({ id: request.id, last_queried_at: now })
      // A callback that came before its push was recorded was logged as unmatched; use it now.
      const [orphan] =
        request.status === "pending"
          ? await mpesa.listCallbackLogs(
              { checkout_request_id: request.checkout_request_id, outcome: ["unmatched", "ignored"] },
              { order: { created_at: "DESC" }, take: 1 }
            )
          : []
      const { result } = await settleStkRequestWorkflow(container).run({
        input: { checkout_request_id: request.checkout_request_id, callback_log_id: orphan?.id, now: now.toISOString() },
      })
      summary.decisions.push({ checkout_request_id: request.checkout_request_id, action: result.action, note: result.note })
      if (result.action === "pay") {
        summary.paid += 1
      } else if (result.action === "fail") {
        summary.failed += 1
      } else if (result.action === "capture") {
        summary.captured += 1
      }
    } catch (error) {
      summary.errors += 1
      logger.warn(`M-Pesa reconciliation of ${request.checkout_request_id} failed: ${(error as Error).message}`)
    }
  }
  return summary
}
