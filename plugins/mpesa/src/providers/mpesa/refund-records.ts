import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { MpesaSessionData } from "./session-data"

/**
 * What an M-Pesa payment's data holds about refunds. A refund is recorded in
 * Medusa only after Safaricom confirmed it: the record workflow writes it to
 * `confirmed_refunds` (refund id → amount), and refundPayment then accepts
 * exactly that amount once, moving the id to `recorded_refunds`. Kept in the
 * payment row, so it holds across processes and restarts.
 */
export type MpesaPaymentData = MpesaSessionData & {
  confirmed_refunds?: Record<string, string>
  recorded_refunds?: string[]
}

/** The payment data after taking one confirmed refund of `amount`, or undefined when none matches. */
export function takeConfirmedRefund(data: MpesaPaymentData, amount: BigNumberInput): MpesaPaymentData | undefined {
  const confirmed = data.confirmed_refunds ?? {}
  const id = Object.keys(confirmed).find((key) => MathBN.eq(confirmed[key], amount))
  if (!id) {
    return undefined
  }
  const { [id]: _taken, ...rest } = confirmed
  return { ...data, confirmed_refunds: rest, recorded_refunds: [...(data.recorded_refunds ?? []), id] }
}
