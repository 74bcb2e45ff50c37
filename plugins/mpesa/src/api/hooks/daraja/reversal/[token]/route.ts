import { initiatorResultHook } from "../../../../../lib/initiator-result-hook"

export const AUTHENTICATE = false

/** Daraja's Reversal result (or queue time-out). */
export const POST = initiatorResultHook("reversal")
