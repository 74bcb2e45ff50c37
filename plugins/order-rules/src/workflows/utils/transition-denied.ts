import { MedusaError } from "@medusajs/framework/utils"
import type { TransitionEvaluation } from "../../rules"

type Denial = Exclude<TransitionEvaluation, { allowed: true }>

/** A denied transition as a MedusaError that carries the allowed next states. */
export type TransitionDeniedError = MedusaError & {
  denial: Denial["code"]
  from: string
  allowed_next: string[]
}

const TYPES: Record<Denial["code"], string> = {
  unknown_state: MedusaError.Types.INVALID_DATA,
  actor_forbidden: MedusaError.Types.FORBIDDEN,
  not_allowed: MedusaError.Types.NOT_ALLOWED,
  guard_failed: MedusaError.Types.NOT_ALLOWED,
  reason_required: MedusaError.Types.INVALID_DATA,
  same_state: MedusaError.Types.NOT_ALLOWED,
}

export function transitionDenied(evaluation: Denial, from: string): TransitionDeniedError {
  const error = new MedusaError(TYPES[evaluation.code], evaluation.message) as TransitionDeniedError
  // Own properties survive the workflow engine's error serialisation.
  error.denial = evaluation.code
  error.from = from
  error.allowed_next = evaluation.allowedNext
  return error
}

export function isTransitionDenied(error: unknown): error is TransitionDeniedError {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as { allowed_next?: unknown }).allowed_next) &&
    typeof (error as { denial?: unknown }).denial === "string"
  )
}
