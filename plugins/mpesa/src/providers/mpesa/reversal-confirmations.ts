/**
 * Hand-off between the reversal workflow and the provider's refundPayment.
 *
 * Medusa records a refund when the provider's refundPayment returns, but an
 * M-Pesa reversal is only known to have happened when Safaricom's result
 * arrives later. So refunds are started from Soko's "Refund via M-Pesa"
 * action, and when the result confirms the reversal, the settle workflow
 * marks the paid push here and, in the same call, runs Medusa's refund
 * workflow; refundPayment then accepts exactly that amount once. Anything
 * else asking refundPayment to move money is refused.
 */
const confirmed = new Map<string, number>()

/** Keyed by the paid push's CheckoutRequestID, which the payment's data always holds. */
export function confirmReversal(checkoutRequestId: string, amountKes: number): void {
  confirmed.set(checkoutRequestId, amountKes)
}

/** True once for a confirmed push and amount; the confirmation is used up. */
export function takeConfirmedReversal(checkoutRequestId: string | undefined, amountKes: number): boolean {
  if (!checkoutRequestId || confirmed.get(checkoutRequestId) !== amountKes) {
    return false
  }
  confirmed.delete(checkoutRequestId)
  return true
}
