import { darajaHook } from "../../../../../lib/daraja-hook"
import { parseInitiatorHookBody } from "../../../../../lib/initiator-result-hook"

export const AUTHENTICATE = false

/** Daraja's Reversal result (or queue time-out): a hint, confirmed by Transaction Status. */
export const POST = darajaHook("reversal", parseInitiatorHookBody)
