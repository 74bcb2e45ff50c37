import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const BUSY = "Someone else is acting on this payment right now. Wait a few seconds and look again."

/**
 * Answers 409 for what a merchant's M-Pesa action (review queue, refund resolution) runs into: another action on
 * the same payment holding its lock (the locking providers say only that they
 * could not acquire it), a payment not where the action starts, or a refund
 * the plan refuses (one still open, or already reversed), with the reason.
 * True when it answered.
 */
export function answerMpesaConflict(error: unknown, res: MedusaResponse): boolean {
  const message = String((error as Error)?.message ?? "")
  if (/acquir(e|ing) lock/i.test(message)) {
    res.status(409).json({ type: "conflict", message: BUSY })
    return true
  }
  // Medusa's error handler answers a conflict with a generic retry message; the merchant needs the reason.
  const type = (error as MedusaError)?.type
  if (type === MedusaError.Types.CONFLICT || type === MedusaError.Types.NOT_ALLOWED) {
    res.status(409).json({ type: "conflict", message })
    return true
  }
  return false
}
