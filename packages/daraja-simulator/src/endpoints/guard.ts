import type { Sim } from "../context"
import { invalidAccessToken, invalidField, invalidPayload } from "../errors"
import type { Reply } from "../http/reply"
import type { Validation } from "../validation/result"
import type { DarajaRequest } from "./types"

/** The access token from `Authorization: Bearer <token>`; Daraja needs the exact "Bearer " prefix. */
export const bearerToken = (req: DarajaRequest): string | undefined => {
  const header = req.headers.authorization
  return header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : undefined
}

/**
 * The checks every JSON endpoint makes before reading fields: a live token,
 * then the body. Without a JSON Content-Type Daraja sees no fields at all and
 * complains about the first one (docs FAQ: "Invalid BusinessShortCode").
 */
const guardJsonRequest = (
  sim: Sim,
  req: DarajaRequest,
  firstField: string
): Reply | undefined => {
  const token = bearerToken(req)
  if (!token || !sim.tokens.isValid(token, sim.now())) {
    return invalidAccessToken()
  }
  if (req.bodyProblem) {
    return invalidPayload()
  }
  if (!req.isJson) {
    return invalidField(firstField)
  }
  return undefined
}

/** guardJsonRequest, then the endpoint's field checks: the normalised request, or Daraja's reply. */
export const readJsonRequest = <T>(
  sim: Sim,
  req: DarajaRequest,
  firstField: string,
  validate: (body: unknown) => Validation<T>
): { ok: true; value: T } | { ok: false; reply: Reply } => {
  const rejected = guardJsonRequest(sim, req, firstField)
  if (rejected) {
    return { ok: false, reply: rejected }
  }
  const validation = validate(req.body)
  return validation.ok ? validation : { ok: false, reply: invalidField(validation.field) }
}
