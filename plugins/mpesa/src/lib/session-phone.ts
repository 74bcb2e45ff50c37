import type { MedusaContainer } from "@medusajs/framework/types"
import { openPhone, phoneSealKey, sealRef } from "../providers/mpesa/phone-seal"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { mpesaProviderOptions } from "./provider-options"

const sealKey = (container: MedusaContainer) => phoneSealKey(mpesaProviderOptions(container))

/** The number a session's prompt went to (sealed in its data; in the clear on older sessions). */
export function sessionPhone(container: MedusaContainer, data: MpesaSessionData | null | undefined): string | undefined {
  if (!data) {
    return undefined
  }
  return data.msisdn ?? openPhone(data.phone_sealed, sealKey(container))
}

/** The CheckoutRequestID of a session's current prompt (sealed in its data; in the clear on older sessions). */
export function sessionCheckoutId(container: MedusaContainer, data: MpesaSessionData | null | undefined): string | undefined {
  if (!data) {
    return undefined
  }
  return data.checkout_request_id ?? openPhone(data.checkout_sealed, sealKey(container))
}

/** The `checkout_ref` a session holding this CheckoutRequestID carries. */
export function checkoutRefOf(container: MedusaContainer, checkoutRequestId: string): string {
  return sealRef(checkoutRequestId, sealKey(container))
}
