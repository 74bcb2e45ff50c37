import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { C2B_CAPTURE_STATES } from "../utils/c2b-capture-retry"
import { announceMpesaCaptureWorkflow } from "../workflows/announce-mpesa-capture"
import type { MpesaCaptureRef } from "../workflows/steps/find-mpesa-captured-payment"

/** Captures looked at per run, oldest first. */
export const ANNOUNCEMENTS_PER_RUN = 50

/**
 * How long a capture's `payment.captured` may take to reach the subscriber
 * before it counts as lost. Events normally land within seconds; this is well
 * past a busy queue, so an announcement is seldom sent twice (and a copy is
 * harmless: subscribers are idempotent on the payment id).
 */
export const ANNOUNCE_GRACE_MS = 2 * 60 * 1000

export type AnnounceSummary = { announced: number; errors: number }

/**
 * Captures the ledger holds (STK requests and paybill/till payments) but
 * whose announcement never arrived (a worker SIGKILLed between Medusa's
 * capture and the release of its workflow's events) are announced again, so the shopper still gets "payment received"
 * and the order-status rules still move the order on.
 */
export async function announceMissedMpesaCaptures(container: MedusaContainer, now = new Date()): Promise<AnnounceSummary> {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const summary: AnnounceSummary = { announced: 0, errors: 0 }
  const before = new Date(now.getTime() - ANNOUNCE_GRACE_MS)
  const unannounced: MpesaCaptureRef[] = [
    ...(
      await mpesa.listStkRequests(
        { status: "paid", captured_at: { $lt: before }, announced_at: null },
        { select: ["id"], take: ANNOUNCEMENTS_PER_RUN, order: { captured_at: "ASC" } }
      )
    ).map((r) => ({ request_id: r.id })),
    ...(
      await mpesa.listC2bPayments(
        { state: [...C2B_CAPTURE_STATES], captured_at: { $lt: before }, announced_at: null },
        { select: ["id"], take: ANNOUNCEMENTS_PER_RUN, order: { captured_at: "ASC" } }
      )
    ).map((r) => ({ c2b_payment_id: r.id })),
  ]
  for (const ref of unannounced) {
    try {
      await announceMpesaCaptureWorkflow(container).run({ input: ref })
      summary.announced += 1
    } catch (error) {
      summary.errors += 1
      logger.warn(`Announcing the capture of M-Pesa ${ref.request_id ? "request" : "payment"} ${ref.request_id ?? ref.c2b_payment_id} failed: ${(error as Error).message}`)
    }
  }
  return summary
}
