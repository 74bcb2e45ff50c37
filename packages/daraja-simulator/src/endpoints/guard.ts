import type { Sim } from "../context"
import { invalidAccessToken, invalidField, invalidPayload } from "../errors"
import type { Reply } from "../http/reply"
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
export const guardJsonRequest = (
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
