import { badCredentials, invalidAuthType, invalidGrantType } from "../errors"
import { json } from "../http/reply"
import type { EndpointHandler } from "./types"

/** `consumerKey:consumerSecret` from a Basic header, or undefined when it is not one. */
export const basicCredentials = (
  header: string | undefined
): { key: string; secret: string } | undefined => {
  if (!header?.startsWith("Basic ")) {
    return undefined
  }
  const decoded = Buffer.from(header.slice("Basic ".length).trim(), "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon <= 0 || colon === decoded.length - 1) {
    return { key: "", secret: "" }
  }
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

/** GET /oauth/v1/generate?grant_type=client_credentials */
export const oauth: EndpointHandler = (sim, req) => {
  if (!req.headers.authorization?.startsWith("Basic ")) {
    return invalidAuthType()
  }
  if (req.query.get("grant_type") !== "client_credentials") {
    return invalidGrantType()
  }
  const credentials = basicCredentials(req.headers.authorization)
  if (!credentials?.key) {
    return badCredentials()
  }
  if (sim.credentials && sim.credentials.get(credentials.key) !== credentials.secret) {
    return badCredentials()
  }
  const { tokenTtlSeconds, revokeOldTokens } = sim.settings
  const token = sim.tokens.issue(credentials.key, sim.now(), tokenTtlSeconds, revokeOldTokens)
  // The sandbox reports one second less than the lifetime, as a string.
  return json(200, { access_token: token, expires_in: String(Math.max(0, tokenTtlSeconds - 1)) })
}
