import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { Actor } from "../../rules"

const ACTOR_BY_AUTH: Record<string, Actor> = { user: "admin", customer: "customer" }

/** The actor comes from authentication only, never from the request body. */
export function actorFromAuth(req: AuthenticatedMedusaRequest): { actor: Actor; actor_id: string } {
  const actor = ACTOR_BY_AUTH[req.auth_context?.actor_type]
  if (!actor || !req.auth_context.actor_id) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  return { actor, actor_id: req.auth_context.actor_id }
}
