/** Who is asking about an M-Pesa payment, as far as the request proves it. */
export type Holder = "cart" | "customer" | "token"

export type HolderInput = {
  /** The request named the cart (a cart id is the guest's secret). */
  byCart: boolean
  /** The customer of the order (or of the cart, looked up by cart id). */
  ownerCustomerId?: string | null
  /** The logged-in customer making the request, if any. */
  actorId?: string
  /** A valid signed order-link token came with the request. */
  tokenValid: boolean
}

/**
 * Holder proof for status and retry. By cart id the caller is the holder. By
 * order id only the order's logged-in customer or a signed order-link token
 * counts; anyone else gets undefined, which the routes answer as "not found",
 * so an order id alone reveals nothing.
 */
export function holderOf(input: HolderInput): Holder | undefined {
  // The signed-in owner comes first: they may do more (use another phone).
  if (input.actorId && input.ownerCustomerId && input.actorId === input.ownerCustomerId) {
    return "customer"
  }
  if (input.byCart) {
    return "cart"
  }
  if (input.tokenValid) {
    return "token"
  }
  return undefined
}

export type PhoneChangeInput = {
  holder: Holder
  /** The order exists already (the cart was completed). */
  orderExists: boolean
  /** The number on the payment session now and the one asked for (both normalised). */
  current?: string
  requested: string
}

/**
 * A retry may send the prompt to another phone only for the cart holder before
 * the order exists, or for the order's logged-in customer. A link token or a
 * cart id of a placed order only re-sends to the same phone, so a leaked link
 * cannot be used to prompt strangers. Returns the refusal, or undefined.
 */
export function phoneChangeRefusal(input: PhoneChangeInput): string | undefined {
  if (!input.current || input.current === input.requested) {
    return undefined
  }
  if (mayChangePhone(input.holder, input.orderExists)) {
    return undefined
  }
  return "A new prompt can only go to the phone this order was paid from. Sign in to your account to use another number."
}

/** Whether this holder may send a new prompt to another phone (the storefront shows the number field only then). */
export function mayChangePhone(holder: Holder, orderExists: boolean): boolean {
  return holder === "customer" || (holder === "cart" && !orderExists)
}
