import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RULES_MODULE } from "../../../../../../modules/order-rules"
import type OrderRulesModuleService from "../../../../../../modules/order-rules/service"

/** The order's status history, oldest first: from, to, actor, reason, source, time. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
  const [history, active] = await Promise.all([
    service.listOrderStatusChanges({ order_id: req.params.id }, { order: { sequence: "ASC" } }),
    service.getActiveRuleSet(),
  ])
  // States removed from the rules since keep their id as label.
  const label = (id: string | null) =>
    id === null ? null : (active.rule_set.states.find((s) => s.id === id)?.label ?? id)
  res.json({
    history: history.map((h) => ({
      id: h.id,
      sequence: h.sequence,
      from: h.from_status,
      to: h.to_status,
      from_label: label(h.from_status),
      to_label: label(h.to_status),
      actor: h.actor,
      actor_id: h.actor_id,
      reason: h.reason,
      source: h.source,
      created_at: h.created_at,
    })),
    count: history.length,
  })
}
