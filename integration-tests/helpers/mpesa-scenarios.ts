import type { MedusaContainer } from "@medusajs/framework/types"
import { failedStkCallback, paidInLedger, paidStkCallback, pushMpesaSession, type Simulator } from "./mpesa-app"
import { cartReadyForPayment, eventually } from "./store-checkout"

type Headers = { headers: Record<string, string> }
type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any; status: number }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

export type PushedSession = { checkout_request_id: string; merchant_request_id: string }

/**
 * The M-Pesa scenario builders the HTTP specs share: a shopper's push and
 * checkout, Daraja's callbacks (real, replayed or forged), the merchant's
 * refunds, and waits on the ledger. Every wait polls state, never a fixed
 * sleep: on the Redis profile subscribers run asynchronously.
 */
export function mpesaScenarios(deps: {
  api: Api
  getContainer: () => MedusaContainer
  sim: () => Simulator
  store: () => Headers
  admin: () => Headers
}) {
  const { api, getContainer, sim, store, admin } = deps
  const mpesa = () => getContainer().resolve("mpesa") as any

  const pushSession = (paymentCollectionId: string, phone: string): Promise<PushedSession> =>
    pushMpesaSession(api, store(), getContainer(), paymentCollectionId, phone)
  /** The ledger row of a push (the push route records it just after answering, so this waits for it). */
  const request = async (checkoutId: string) => (await mpesa().listStkRequests({ checkout_request_id: checkoutId }))[0]
  const recorded = (checkoutId: string) => eventually(() => request(checkoutId))
  const orderPayment = async (orderId: string) => {
    const { data } = await api.get(
      `/admin/orders/${orderId}?fields=id,status,payment_status,payment_collections.payments.captures.id,payment_collections.payments.refunds.amount`,
      admin()
    )
    return data.order
  }
  const completeCart = async (cartId: string): Promise<string> => {
    const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, store())
    expect(data.type).toBe("order")
    return data.order.id
  }
  /** Waits until every callback log row has been looked at by the settle workflow (none left "received"). */
  const callbacksHandled = (atLeast: number, filter: Record<string, unknown> = {}) =>
    eventually(async () => {
      const logs = await mpesa().listCallbackLogs(filter)
      return logs.length >= atLeast && logs.every((l: any) => l.outcome !== "received") ? logs : undefined
    })
  /** Posts STK callbacks (`copies` at once, as Daraja's duplicates do) and waits until the settle workflow has looked at them. */
  const postCallback = async (body: unknown, copies = 1) => {
    const before = (await mpesa().listCallbackLogs({})).length
    const replies = await Promise.all(Array.from({ length: copies }, () => api.post("/hooks/daraja/stk/dev-callback", body)))
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200))
    await callbacksHandled(before + copies)
  }
  /** The STK callback Daraja sends (or would send) for a settled prompt, from the simulator's record of it. */
  const darajaCallbackFor = (checkoutId: string) => {
    const tx = sim().getTransaction(checkoutId)
    if (!tx?.result) {
      throw new Error(`prompt ${checkoutId} has not settled`)
    }
    const entry = sim().listLedger().payments.find((p) => p.checkoutRequestId === checkoutId)
    return entry
      ? paidStkCallback({ merchantRequestId: tx.merchantRequestId, checkoutRequestId: checkoutId, amount: entry.amount, receipt: entry.receipt })
      : failedStkCallback({ merchantRequestId: tx.merchantRequestId, checkoutRequestId: checkoutId, code: tx.result.resultCode as number, desc: tx.result.resultDesc })
  }
  const simSettled = (checkoutId: string) =>
    eventually(async () => (sim().getTransaction(checkoutId)?.status === "settled" ? sim().getTransaction(checkoutId) : undefined))
  /** Waits until the ledger has settled a push (any state but pending). */
  const ledgerSettled = (checkoutId: string) =>
    eventually(async () => {
      const row = await request(checkoutId)
      return row && row.status !== "pending" ? row : undefined
    }, 150)
  /** A KES order paid from the sandbox number and captured. */
  const paidOrder = async () => {
    const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store())
    await pushSession(paymentCollectionId, "0708374149")
    const orderId = await completeCart(cartId)
    await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))
    const paid = await paidInLedger(getContainer(), orderId)
    return { orderId, cartId, paidKes: paid.amount_kes as number }
  }
  /** POST /admin/orders/:id/mpesa/refund; answers (4xx included) come back instead of throwing. */
  const refund = (orderId: string, body: Record<string, unknown> = {}) =>
    api.post(`/admin/orders/${orderId}/mpesa/refund`, body, admin()).then(
      (r: any) => r,
      (e: any) => e.response
    )
  /** Waits until every refund of the order is settled and recorded in Medusa. */
  const refunded = (orderId: string) =>
    eventually(async () => {
      const refunds = await mpesa().listReversals({ order_id: orderId })
      const settled = refunds.every((r: any) => r.status === "failed" || r.refund_recorded_at)
      const order = await orderPayment(orderId)
      return settled && ["refunded", "partially_refunded"].includes(order.payment_status) ? order : undefined
    }, 150)
  /** What the storefront shows the shopper for a cart (GET /store/mpesa/status). */
  const shopperStatus = async (cartId: string) => (await api.get(`/store/mpesa/status?cart_id=${cartId}`, store())).data

  return {
    mpesa,
    pushSession,
    request,
    recorded,
    orderPayment,
    completeCart,
    callbacksHandled,
    postCallback,
    darajaCallbackFor,
    simSettled,
    ledgerSettled,
    paidOrder,
    refund,
    refunded,
    shopperStatus,
  }
}
