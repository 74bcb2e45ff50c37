import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** Asks a worker to settle one STK push with STK Query (subscribers/stk-check-requested). */
export const STK_CHECK_REQUESTED_EVENT = "mpesa.stk_check_requested"

/** Ask Daraja at most this often per push while a shopper is watching. */
export const STK_CHECK_EVERY_SECONDS = 10

/**
 * Hands a status check to a worker, at most once per window per push across
 * every instance: the first caller takes a lock that nobody releases and that
 * lapses after the window (atomic in Medusa's locking module, in memory or
 * Redis); everyone else in the window is told no. Writes nothing to the
 * database, so GET routes can call it.
 */
export async function requestStkCheck(container: MedusaContainer, checkoutRequestId: string): Promise<boolean> {
  const locking = container.resolve(Modules.LOCKING)
  try {
    await locking.acquire(`mpesa-stk-check:${checkoutRequestId}`, {
      ownerId: randomUUID(),
      expire: STK_CHECK_EVERY_SECONDS,
    })
  } catch {
    return false
  }
  await container.resolve(Modules.EVENT_BUS).emit({
    name: STK_CHECK_REQUESTED_EVENT,
    data: { checkout_request_id: checkoutRequestId },
  })
  return true
}
