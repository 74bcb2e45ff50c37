import { initiatorResultHook } from "../../../../../lib/initiator-result-hook"

export const AUTHENTICATE = false

/** Daraja's B2C result (or queue time-out) for a partial refund. */
export const POST = initiatorResultHook("b2c")
