import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { QrInput } from "../providers/mpesa/qr-client"
import { c2bInstructions } from "./c2b-instructions"
import { candidateForOrder } from "./c2b-candidates"
import { mpesaProviderOptions } from "./provider-options"

/**
 * What the payment QR code of an order carries: the shop's paybill/till,
 * the account the shopper would type (for a till, the order number, which
 * the app shows as a reference) and the exact amount still to pay. Reads
 * only. Otherwise the HTTP status and a sentence saying why there is no
 * code: C2B off (404), no order yet or nothing left to pay (409).
 */
export async function c2bQrInput(
  container: MedusaContainer,
  orderId: string | undefined
): Promise<{ ok: true; input: QrInput } | { ok: false; status: 404 | 409; message: string }> {
  const instructions = await c2bInstructions(container, orderId)
  if (!instructions.available) {
    return { ok: false, status: mpesaProviderOptions(container).c2b ? 409 : 404, message: instructions.reason }
  }
  if (instructions.status === "paid" || instructions.amount_kes < 1) {
    return { ok: false, status: 409, message: "This order is paid: there is nothing left to pay, so there is no QR code" }
  }
  let reference = instructions.account
  if (!reference) {
    // Till payments carry no account; the order number still tells the shopper which order the code is for.
    const order = orderId ? await candidateForOrder(container, orderId) : null
    reference = order ? String(order.display_id) : "Order"
  }
  return {
    ok: true,
    input: {
      merchantName: mpesaProviderOptions(container).c2b?.merchantName ?? (await storeName(container)),
      type: instructions.type,
      number: instructions.number,
      reference,
      amountKes: instructions.amount_kes,
    },
  }
}

/** The store's name in Medusa (what shoppers know the shop by), or "" when there is none. */
async function storeName(container: MedusaContainer): Promise<string> {
  const stores = await container.resolve(Modules.STORE).listStores({}, { select: ["name"], take: 1 })
  return stores[0]?.name ?? ""
}
