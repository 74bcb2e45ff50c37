import "server-only"
import type { HttpTypes } from "@medusajs/types"
import { cookies } from "next/headers"
import { backendUrl, publishableKey, secureCookies } from "../config"
import { isMpesaStatus, type MpesaStatus, orderTokenOf, retryAfterSeconds } from "../mpesa"
import { statusOf } from "../util/errors"
import { forwardedFor } from "./client-address"
import { authHeaders } from "./cookies"
import { storeFetch } from "./fetch"
import { withRetry } from "./retry"

export type MpesaRef = { order_id?: string; cart_id?: string; token?: string }

/** Only what the backend accepts: ids and a well-formed token, nothing undefined. */
function refQuery(ref: MpesaRef): Record<string, string> {
  const token = orderTokenOf(ref.token)
  return {
    ...(ref.order_id ? { order_id: ref.order_id } : {}),
    ...(ref.cart_id ? { cart_id: ref.cart_id } : {}),
    ...(ref.order_id && token ? { token } : {}),
  }
}

/**
 * The payment's live state from the M-Pesa plugin, for its holder: the cart
 * id, the signed-in customer (auth headers) or the order-link token. Without
 * proof the plugin answers 404, like an older backend without the endpoint;
 * then the order's own payment status stands in, so the page still ends on
 * "paid" once the payment is captured.
 */
export async function mpesaStatus(ref: MpesaRef): Promise<MpesaStatus> {
  try {
    const status = await storeFetch<unknown>("/store/mpesa/status", { query: refQuery(ref), headers: await authHeaders() })
    if (isMpesaStatus(status)) {
      return status
    }
  } catch (error) {
    if (statusOf(error) !== 404 || !ref.order_id) {
      throw error
    }
  }
  return fromOrder(ref.order_id!)
}

async function fromOrder(orderId: string): Promise<MpesaStatus> {
  const { order } = await storeFetch<{ order: HttpTypes.StoreOrder }>(`/store/orders/${encodeURIComponent(orderId)}`, {
    query: { fields: "id,total,+payment_status" },
  })
  const paid = ["captured", "authorized", "partially_captured"].includes(String(order.payment_status))
  return {
    status: paid ? "paid" : "pending",
    shopper_message: paid ? "We have your payment. Thank you!" : "Waiting for you to confirm the payment on your phone.",
    // The same keys the plugin sends, so the page says these in the shopper's language too.
    message_key: paid ? "paid" : "pending",
    can_retry: false,
    amount_kes: order.total,
    order_id: order.id,
  }
}

/** The token for the order page link, once the shopper's cart became an order; undefined if the backend has none. */
export async function orderTokenForCart(cartId: string): Promise<string | undefined> {
  try {
    return orderTokenOf((await mpesaStatus({ cart_id: cartId })).order_token)
  } catch {
    return undefined
  }
}

const ORDER_ID = /^[A-Za-z0-9_]{1,100}$/
const tokenCookie = (orderId: string) => `soko_mpesa_${orderId}`

/**
 * Keeps the order-link token in this browser too (httpOnly), so coming back
 * from the confirmation email or the tracking page still proves the order.
 * Only from a server action or route handler.
 */
export async function rememberOrderToken(orderId: string, token: string | undefined): Promise<void> {
  const valid = orderTokenOf(token)
  if (valid && ORDER_ID.test(orderId)) {
    ;(await cookies()).set(tokenCookie(orderId), valid, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
      maxAge: 60 * 60 * 24 * 30,
    })
  }
}

/** The token from the link if it has one, else the one this browser kept for the order. */
export async function orderTokenFor(orderId: string, fromLink?: unknown): Promise<string | undefined> {
  const linked = orderTokenOf(Array.isArray(fromLink) ? fromLink[0] : fromLink)
  if (linked || !ORDER_ID.test(orderId)) {
    return linked
  }
  return orderTokenOf((await cookies()).get(tokenCookie(orderId))?.value)
}

/** The backend's refusal, with the Retry-After it sent (the js-sdk drops headers). */
export class MpesaRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfter?: number
  ) {
    super(message)
  }
}


/**
 * POST /store/mpesa/retry. Plain fetch rather than the js-sdk, because a 429's
 * Retry-After header is what tells the page how long to keep the button off.
 */
export async function retryMpesa(body: MpesaRef & { phone?: string }): Promise<MpesaStatus> {
  const res = await withRetry(
    async () =>
      fetch(`${backendUrl()}/store/mpesa/retry`, {
        method: "POST",
        cache: "no-store",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "x-publishable-api-key": publishableKey(),
          ...(await authHeaders()),
          ...(await forwardedFor()),
        },
        body: JSON.stringify({ ...refQuery(body), ...(body.phone ? { phone: body.phone } : {}) }),
      }),
    { idempotent: false }
  )
  const answer = (await res.json().catch(() => ({}))) as { message?: unknown }
  if (!res.ok) {
    const message = typeof answer.message === "string" ? answer.message : res.statusText
    throw new MpesaRequestError(message, res.status, retryAfterSeconds(res.headers.get("retry-after")))
  }
  if (!isMpesaStatus(answer)) {
    throw new Error("Unexpected answer from the M-Pesa retry endpoint")
  }
  return answer
}
