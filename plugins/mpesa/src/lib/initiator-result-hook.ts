import { parseInitiatorResult } from "../utils/initiator-result"
import type { ParsedHookBody } from "./daraja-hook"

/** Shape check for Reversal, B2C and Transaction Status results (Daraja's `{ Result: … }`). */
export function parseInitiatorHookBody(body: unknown): ParsedHookBody {
  const parsed = parseInitiatorResult(body)
  return parsed.ok ? { ok: true } : { ok: false, reason: parsed.reason }
}
