import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeOrderStatusWorkflow } from "../../../../../workflows/change-order-status"
import { getOrderStatusWorkflow } from "../../../../../workflows/get-order-status"
import { actorFromAuth } from "../../../../utils/actor"
import { respondWithDenial } from "../../../../utils/respond-with-denial"
import type { PostAdminOrderLifecycleType } from "./validators"

/** The order's status, the states an admin may move it to now, and Medusa's own statuses. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await getOrderStatusWorkflow(req.scope).run({
    input: { order_id: req.params.id, actor: "admin" },
  })
  res.json({ order_lifecycle: { ...result, updated_at: result.changed_at } })
}

/** Moves the order to another status, if the rules allow it (400/403 name the allowed next states). */
export async function POST(
  req: AuthenticatedMedusaRequest<PostAdminOrderLifecycleType>,
  res: MedusaResponse
) {
  const { actor, actor_id } = actorFromAuth(req)
  const body = req.validatedBody
  try {
    const { result } = await changeOrderStatusWorkflow(req.scope).run({
      input: {
        order_id: req.params.id,
        to: body.status,
        actor,
        actor_id,
        reason: body.reason,
        source: "admin_api",
        idempotency_key: body.idempotency_key ?? req.get("idempotency-key") ?? null,
      },
    })
    res.json({
      order_lifecycle: { order_id: result.order_id, status: result.status },
      changes: result.changes,
      replayed: result.replayed,
    })
  } catch (error) {
    if (!respondWithDenial(res, error)) {
      throw error
    }
  }
}
