/**
 * When a merchant may resolve a refund by hand. Only a refund Safaricom never
 * gave an id for qualifies: Transaction Status cannot be asked about it, so
 * it would block the payment's refunds for ever. Anything Safaricom did
 * answer is settled by Safaricom's own answers, never by a person.
 */
export type RefundToResolve = {
  status: string
  /** The paid push's receipt (what the refund is a refund of). */
  receipt_number: string
  /** The id Transaction Status could be asked by, if any. */
  daraja_id?: string
}

export type ResolveRequest = { receipt?: string; found_nothing?: boolean }

export type ResolveRefusal = { status: 400 | 409; message: string }

export const RESOLVABLE_REFUND_STATES = ["requested", "unknown"]

export function resolveRefusal(
  refund: RefundToResolve,
  request: ResolveRequest,
  /** The receipt is already another refund's (claimed or confirmed). */
  receiptTaken: boolean
): ResolveRefusal | undefined {
  if (!RESOLVABLE_REFUND_STATES.includes(refund.status)) {
    return {
      status: 409,
      message: `This refund is ${refund.status}; only a refund Safaricom never answered can be resolved by hand.`,
    }
  }
  if (refund.daraja_id) {
    return {
      status: 409,
      message: "Safaricom gave this refund an id: Soko asks Transaction Status about it by itself. Wait for its answer.",
    }
  }
  if (request.receipt && request.receipt === refund.receipt_number.toUpperCase()) {
    return {
      status: 400,
      message: `${request.receipt} is the payment's own receipt. Enter the receipt of the refund (the reversal or payout) from the M-Pesa statement.`,
    }
  }
  if (request.receipt && receiptTaken) {
    return { status: 409, message: `Receipt ${request.receipt} already belongs to another refund.` }
  }
  return undefined
}
