import "server-only"
import Medusa from "@medusajs/js-sdk"
import { backendUrl, publishableKey } from "./config"

let instance: Medusa | undefined
let instanceKey = ""

/**
 * The one js-sdk client. It only ever runs on the server: the browser talks to
 * the storefront (server components, actions, /api routes), never to the
 * backend, so the shopper's token stays in an httpOnly cookie.
 */
export function sdk(): Medusa {
  const base = backendUrl()
  const key = publishableKey()
  const signature = `${base}|${key}`
  if (!instance || instanceKey !== signature) {
    instance = new Medusa({
      baseUrl: base,
      publishableKey: key,
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    })
    instanceKey = signature
  }
  return instance
}
