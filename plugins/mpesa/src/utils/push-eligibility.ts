/** What the push guard knows about the payment collection a shopper asks to pay. */
export type PushTarget =
  | { found: false }
  | { found: true; completed: boolean; hasOrder: boolean; currency_code?: string | null }

export type PushRefusal = { status: 400 | 404; type: "not_found" | "not_allowed"; message: string }

/**
 * A prompt goes to a phone only for an existing, open cart in Kenyan
 * shillings. Anything else is refused before a limit is counted or Daraja is
 * called, so made-up ids cannot spend a stranger's prompts, and a placed
 * order's payment is retried through /store/mpesa/retry (which checks the holder).
 */
export function pushRefusal(target: PushTarget): PushRefusal | undefined {
  if (!target.found) {
    return { status: 404, type: "not_found", message: "No open cart has this payment collection. Start checkout again." }
  }
  if (target.completed || target.hasOrder) {
    return {
      status: 400,
      type: "not_allowed",
      message: "This cart is already an order. Pay for it from the order page, which can send a new M-Pesa prompt.",
    }
  }
  if ((target.currency_code ?? "").toLowerCase() !== "kes") {
    return {
      status: 400,
      type: "not_allowed",
      message: "M-Pesa takes payments in Kenyan shillings (KES) only. Choose another payment method for this cart.",
    }
  }
  return undefined
}
