import type { MedusaContainer } from "@medusajs/framework/types"
import { openPhone, phoneSealKey } from "../providers/mpesa/phone-seal"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { mpesaProviderOptions } from "./provider-options"

/** The number a session's prompt went to (sealed in its data; in the clear on older sessions). */
export function sessionPhone(container: MedusaContainer, data: MpesaSessionData | null | undefined): string | undefined {
  if (!data) {
    return undefined
  }
  return data.msisdn ?? openPhone(data.phone_sealed, phoneSealKey(mpesaProviderOptions(container)))
}
