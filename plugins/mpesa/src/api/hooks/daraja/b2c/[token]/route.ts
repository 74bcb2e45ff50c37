import { darajaHook } from "../../../../../lib/daraja-hook"
import { parseInitiatorHookBody } from "../../../../../lib/initiator-result-hook"

export const AUTHENTICATE = false

/** Daraja's B2C result (or queue time-out) for a partial refund: a hint, confirmed by Transaction Status. */
export const POST = darajaHook("b2c", parseInitiatorHookBody)
