import { darajaHook } from "../../../../../lib/daraja-hook"
import { parseInitiatorHookBody } from "../../../../../lib/initiator-result-hook"

export const AUTHENTICATE = false

/** Daraja's Transaction Status result: what settles a refund. */
export const POST = darajaHook("status", parseInitiatorHookBody)
