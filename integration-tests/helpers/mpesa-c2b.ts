import type { MedusaContainer } from "@medusajs/framework/types"
import type { Simulator } from "./mpesa-app"
import { pushMpesaSession } from "./mpesa-app"
import { cartReadyForPayment, eventually } from "./store-checkout"

type Headers = { headers: Record<string, string> }
type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any; status: number }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

/** The shop's paybill in the C2B specs (MPESA_C2B_SHORTCODE). */
export const C2B_SHORTCODE = "600984"

/** The C2B confirmation body Daraja POSTs (v2 shape: masked MSISDN, TransAmount a string). */
export function c2bConfirmation(patch: Record<string, unknown> = {}) {
  return {
    TransactionType: "Pay Bill",
    TransID: "TSTC2B0001",
    TransTime: "20261205120000",
    TransAmount: "100.00",
    BusinessShortCode: C2B_SHORTCODE,
    BillRefNumber: "1",
    InvoiceNumber: "",
    OrgAccountBalance: "",
    ThirdPartyTransID: "",
    MSISDN: "2547 ***** 126",
    FirstName: "John",
    MiddleName: "",
    LastName: "",
    ...patch,
  }
}

/**
 * Scenario builders for paybill/till payments: orders awaiting M-Pesa (their
 * prompt left open or cancelled), payments made on the simulator's phone,
 * and waits on the C2B ledger. Every wait polls state, never a fixed sleep.
 */
export function c2bScenarios(deps: { api: Api; getContainer: () => MedusaContainer; sim: () => Simulator; store: () => Headers; admin: () => Headers }) {
  const { api, getContainer, sim, store, admin } = deps
  const mpesa = () => getContainer().resolve("mpesa") as any
  let phoneSeq = 0

  /** A placed order awaiting its M-Pesa payment: its prompt went to a phone nobody answers (then cancelled, when asked). */
  const awaitingOrder = async (options: { phone?: string; cancelPrompt?: boolean; quantity?: number } = {}) => {
    const phone = options.phone ?? `07112${String(200000 + ++phoneSeq * 7 + Math.floor(Math.random() * 5000)).slice(-5)}`
    const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store(), { quantity: options.quantity })
    const pushed = await pushMpesaSession(api, store(), getContainer(), paymentCollectionId, phone)
    const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, store())
    expect(data.type).toBe("order")
    if (options.cancelPrompt) {
      sim().cancel(pushed.checkout_request_id)
      // Settled before the test goes on, as when a shopper pays another way seconds later:
      // the session then says "cancelled", which is what the storefront offers the paybill on.
      await eventually(async () => ((await api.get(`/store/mpesa/status?cart_id=${cartId}`, store())).data.status === "cancelled" ? true : undefined))
    }
    const order = await orderOf(data.order.id)
    expect(order.payment_status).toBe("awaiting")
    return { orderId: order.id as string, displayId: String(order.display_id), totalKes: Number(order.total), cartId, phone, checkoutRequestId: pushed.checkout_request_id as string }
  }
  const orderOf = async (orderId: string) =>
    (await api.get(`/admin/orders/${orderId}?fields=id,display_id,total,payment_status,payment_collections.payments.captures.amount`, admin())).data.order
  /** Registers the shop's C2B URLs with Daraja through the admin (the simulator forgets them on reset). */
  const registerUrls = async () => {
    const { status } = await api.post("/admin/mpesa/c2b/registration", {}, admin())
    expect(status).toBe(200)
  }
  const payPaybill = (account: string, amount: number, extra: Record<string, unknown> = {}) =>
    sim().payC2b({ channel: "paybill", businessNumber: C2B_SHORTCODE, accountNumber: account, amount, ...extra } as never)
  const payTill = (amount: number, phone: string, extra: Record<string, unknown> = {}) =>
    sim().payC2b({ channel: "till", tillNumber: C2B_SHORTCODE, amount, phone, ...extra } as never)
  const rows = (filter: Record<string, unknown>) => mpesa().listC2bPayments(filter)
  /** The ledger row of a TransID once settled: past received and confirmed (matched within the same workflow), and captured in Medusa when it pays an order. */
  const settled = (transId: string, attempts = 150) =>
    eventually(async () => {
      const [row] = await rows({ trans_id: transId })
      return row && !["received", "confirmed"].includes(row.state) && (!["captured", "partial", "over"].includes(row.state) || row.captured_at) ? row : undefined
    }, attempts)
  const paymentStatus = async (orderId: string, expected: string) =>
    eventually(async () => ((await orderOf(orderId)).payment_status === expected ? true : undefined))
  /** What the storefront's "Pay another way" shows for the cart's order (the cart's holder asks). */
  const shopperView = async (cartId: string) => (await api.get(`/store/mpesa/c2b?cart_id=${cartId}`, store())).data
  return { mpesa, awaitingOrder, orderOf, registerUrls, payPaybill, payTill, rows, settled, paymentStatus, shopperView }
}
