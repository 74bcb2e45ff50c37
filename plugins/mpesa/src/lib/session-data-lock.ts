import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** How long a writer waits for another to finish (s); the longest holder is a push, bounded by Daraja's request timeout. */
const WAIT_SECONDS = 20

/**
 * Medusa replaces a payment session's `data` whole, so every writer of ours
 * reads it, merges its keys and writes it back: the STK outcome, the C2B
 * capture and a new push. Two of them at once (a shopper cancels the prompt
 * and pays by paybill a second later) would lose one's keys; this makes them
 * take turns, across processes (Medusa's locking module, Redis in production).
 */
export function withSessionDataLock<T>(container: MedusaContainer, sessionId: string, job: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(`mpesa-session-data:${sessionId}`, job, { timeout: WAIT_SECONDS })
}
