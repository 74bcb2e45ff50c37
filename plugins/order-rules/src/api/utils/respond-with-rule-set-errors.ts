import type { MedusaResponse } from "@medusajs/framework/http"

type RuleSetRejection = { type: string; message: string; errors: string[]; stale_version?: boolean }

function isRuleSetRejection(error: unknown): error is RuleSetRejection {
  return typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors)
}

/**
 * A rejected rule set is answered with every problem (`errors`), which Medusa's
 * error handler would drop; a save over a newer version is a 409.
 */
export function respondWithRuleSetErrors(res: MedusaResponse, error: unknown): boolean {
  if (!isRuleSetRejection(error)) {
    return false
  }
  res.status(error.stale_version ? 409 : 400).json({
    type: error.stale_version ? "conflict" : error.type,
    message: error.message,
    errors: error.errors,
  })
  return true
}
