import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { settleStkRequestWorkflow } from "../workflows/settle-stk-request"
import { redactCheckoutId } from "../utils/checkout-id"
import { mpesaProviderOptions } from "./provider-options"
import { sessionCheckoutId } from "./session-phone"

/** Pushes looked at per run, so one run stays short however large the backlog. */
export const PUSHES_PER_RUN = 50

export type ReconcileSummary = {
  checked: number
  paid: number
  failed: number
  captured: number
  review: number
  errors: number
  /** What was decided for each push, for the job's log. */
  decisions: { checkout_request_id: string; action: string; note: string }[]
}

type Work = { checkout_request_id: string; callback_log_id?: string; final_check?: boolean }

/**
 * Settles STK pushes whose callback never came (pending `reconcileAfterSeconds`
 * after they were sent) and retries Medusa captures of paid pushes that did not
 * get one. Bounded: oldest first, at most PUSHES_PER_RUN of each kind, pushes
 * whose STK Query keeps failing wait out their backoff (`next_check_at`), and a
 * push older than `reconcileMaxAgeHours` gets one final check, after which the
 * state machine sends it to review. Reads only: every write is in the settle
 * workflow. Safe with several workers (one lock per push).
 */
export async function reconcileMpesaPayments(container: MedusaContainer, now = new Date()): Promise<ReconcileSummary> {
  const options = mpesaProviderOptions(container)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const cutoff = new Date(now.getTime() - options.reconcileAfterSeconds * 1000)
  const oldest = new Date(now.getTime() - options.reconcileMaxAgeHours * 3_600_000)
  const due = { $or: [{ next_check_at: null }, { next_check_at: { $lte: now } }] }
  const page = { take: PUSHES_PER_RUN, order: { created_at: "ASC" as const } }

  // Pushes whose ledger row was never written (the push route records it after
  // answering): the settle workflow records them from their session.
  const sessions = await container.resolve(Modules.PAYMENT).listPaymentSessions(
    {
      provider_id: options.providerId,
      status: ["pending", "pending_authorization"],
      created_at: { $lt: cutoff, $gte: oldest },
    } as never,
    { ...page, select: ["id", "data"] }
  )
  const pushed = sessions
    .map((s) => sessionCheckoutId(container, s.data as MpesaSessionData | null))
    .filter((id): id is string => !!id)
  const known = new Set(
    (
      await mpesa.listStkRequests(
        { checkout_request_id: pushed },
        { select: ["checkout_request_id"] }
      )
    ).map((r) => r.checkout_request_id)
  )
  const unrecorded: Work[] = pushed
    .filter((id) => !known.has(id))
    .map((id) => ({ checkout_request_id: id }))

  const stale = await mpesa.listStkRequests({ status: "pending", created_at: { $lt: cutoff, $gte: oldest }, ...due }, page)
  const expired = await mpesa.listStkRequests({ status: "pending", created_at: { $lt: oldest } }, page)
  const uncaptured = await mpesa.listStkRequests({ status: "paid", captured_at: null }, page)

  const work: Work[] = [
    ...unrecorded,
    ...stale.map((r) => ({ checkout_request_id: r.checkout_request_id })),
    ...expired.map((r) => ({ checkout_request_id: r.checkout_request_id, final_check: true })),
    ...uncaptured.map((r) => ({ checkout_request_id: r.checkout_request_id })),
  ]
  const summary: ReconcileSummary = { checked: 0, paid: 0, failed: 0, captured: 0, review: 0, errors: 0, decisions: [] }
  for (const item of work) {
    summary.checked += 1
    try {
      // A callback that came before its push was recorded was logged as unmatched; use it now.
      const [orphan] = await mpesa.listCallbackLogs(
        { checkout_request_id: item.checkout_request_id, outcome: ["unmatched", "ignored"] },
        { order: { created_at: "DESC" }, take: 1 }
      )
      const { result } = await settleStkRequestWorkflow(container).run({
        input: { ...item, callback_log_id: orphan?.id, now: now.toISOString() },
      })
      summary.decisions.push({ checkout_request_id: item.checkout_request_id, action: result.action, note: result.note })
      if (result.action === "pay") {
        summary.paid += 1
      } else if (result.action === "fail") {
        summary.failed += 1
      } else if (result.action === "capture") {
        summary.captured += 1
      } else if (result.action === "flag") {
        summary.review += 1
      }
    } catch (error) {
      summary.errors += 1
      logger.warn(`M-Pesa reconciliation of ${redactCheckoutId(item.checkout_request_id)} failed: ${(error as Error).message}`)
    }
  }
  return summary
}
