import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { orderShortCode } from "../utils/c2b-account"
import { candidateForOrder } from "./c2b-candidates"
import { mpesaProviderOptions } from "./provider-options"

/** What the storefront's "Pay another way" shows; never a phone number or a secret. */
export type C2bInstructions =
  | { available: false; reason: string }
  | {
      available: true
      type: "paybill" | "till"
      /** The paybill (business number) or till number to pay. */
      number: string
      /** What to type as the account (paybill only). */
      account: string | null
      /** Whole KES still to pay on the order. */
      amount_kes: number
      /** "awaiting" until a payment lands, "partial" with a balance, "paid" when nothing is left. */
      status: "awaiting" | "partial" | "paid"
      /** C2B payments seen for the order (amount and state only). */
      payments: { amount_kes: number | null; state: string; received_at: Date }[]
    }

/** The paybill/till instructions and C2B status of an order. Reads only. */
export async function c2bInstructions(container: MedusaContainer, orderId: string | undefined): Promise<C2bInstructions> {
  const c2b = mpesaProviderOptions(container).c2b
  if (!c2b) {
    return { available: false, reason: "This shop does not take paybill or till payments" }
  }
  if (!orderId) {
    return { available: false, reason: "Place the order first: the account to pay is the order number" }
  }
  const order = await candidateForOrder(container, orderId)
  if (!order) {
    return { available: false, reason: "This order cannot be paid by M-Pesa" }
  }
  const rows = await container
    .resolve<MpesaModuleService>(MPESA_MODULE)
    .listC2bPayments({ order_id: orderId }, { order: { created_at: "ASC" } })
  const account =
    c2b.type === "till" ? null : c2b.accountFormat === "short_code" ? orderShortCode(order.order_id) : String(order.display_id)
  return {
    available: true,
    type: c2b.type,
    number: c2b.shortcode,
    account,
    amount_kes: order.outstanding_kes,
    status: order.paid ? "paid" : rows.some((r) => r.state === "partial") ? "partial" : "awaiting",
    payments: rows.map((r) => ({ amount_kes: r.amount_kes ?? null, state: r.state, received_at: r.created_at })),
  }
}
