import type { MedusaContainer } from "@medusajs/framework/types"
import { retryStkPushWorkflow } from "../workflows/retry-stk-push"
import { withPhoneLock } from "./phone-lock"
import { type PushLimits, reservePushSlots } from "./push-limits"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import type { StkRequestRecord } from "../workflows/steps/ensure-stk-request"

type Pushed = {
  session: { id: string; payment_collection_id: string; data: MpesaSessionData }
  request?: StkRequestRecord
}

export type ResendOutcome =
  | { kind: "busy" }
  | { kind: "limited"; limited: { message: string; retryAfter: number } }
  | { kind: "pushed"; result: Pushed }

/**
 * A new prompt on an existing M-Pesa session (the shopper's retry, the
 * merchant's resend): one push at a time per phone, a slot reserved against
 * the limits first and given back when Daraja does not accept the push.
 */
export async function resendStkPush(
  container: MedusaContainer,
  input: { session_id: string; payment_collection_id: string; phone: string; client_key?: string },
  limits: PushLimits
): Promise<ResendOutcome> {
  const outcome = await withPhoneLock(container, input.phone, async (): Promise<ResendOutcome> => {
    const slot = await reservePushSlots(
      container,
      { phone: input.phone, payment_collection_id: input.payment_collection_id, client_key: input.client_key },
      limits
    )
    if (!slot.ok) {
      return { kind: "limited", limited: slot }
    }
    try {
      const { result } = await retryStkPushWorkflow(container).run({ input: { session_id: input.session_id, phone: input.phone } })
      return { kind: "pushed", result: result as Pushed }
    } catch (error) {
      // Daraja refused or was unreachable: no prompt, so no slot used.
      await slot.release()
      throw error
    }
  })
  return outcome ?? { kind: "busy" }
}
