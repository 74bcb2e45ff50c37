import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isTransitionDenied } from "../../workflows/utils/transition-denied"

const HTTP_STATUS: Record<string, number> = {
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.FORBIDDEN]: 403,
}

/**
 * Medusa's error handler keeps only `type` and `message`; a denied transition
 * also tells the client where the order can go, so it is answered here.
 * Returns false for any other error (rethrow it).
 */
export function respondWithDenial(res: MedusaResponse, error: unknown): boolean {
  if (!isTransitionDenied(error)) {
    return false
  }
  res.status(HTTP_STATUS[error.type] ?? 400).json({
    type: error.type,
    code: error.denial,
    message: error.message,
    from: error.from,
    allowed_next: error.allowed_next,
  })
  return true
}
