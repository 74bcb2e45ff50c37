import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RULES_MODULE } from "../../../modules/order-rules"
import type OrderRulesModuleService from "../../../modules/order-rules/service"
import { ACTORS, GUARD_DESCRIPTIONS, GUARD_IDS } from "../../../rules"
import { updateOrderRulesWorkflow } from "../../../workflows/update-order-rules"
import { respondWithRuleSetErrors } from "../../utils/respond-with-rule-set-errors"
import type { PostAdminOrderRulesType } from "./validators"

/** The rules in force, the plugin's own (defaults + options), what the editor may use, and where orders are. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
  const [active, inUse] = await Promise.all([service.getActiveRuleSet(), service.countOrdersByStatus()])
  res.json({
    rule_set: active.rule_set,
    version: active.version,
    source: active.source,
    plugin_rule_set: service.getOptions().ruleSet,
    actors: ACTORS,
    guards: GUARD_IDS.map((id) => ({ id, description: GUARD_DESCRIPTIONS[id] })),
    orders_by_status: inUse,
  })
}

/** Puts an edited rule set in force (400 listing every problem, 409 if someone saved meanwhile). */
export async function POST(req: AuthenticatedMedusaRequest<PostAdminOrderRulesType>, res: MedusaResponse) {
  try {
    const { result } = await updateOrderRulesWorkflow(req.scope).run({
      input: {
        rule_set: req.validatedBody.rule_set,
        expected_version: req.validatedBody.expected_version,
        actor_id: req.auth_context.actor_id,
      },
    })
    res.json(result)
  } catch (error) {
    if (!respondWithRuleSetErrors(res, error)) {
      throw error
    }
  }
}

/** Back to the plugin's defaults and options (refused while orders sit in a state they lack). */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  try {
    const { result } = await updateOrderRulesWorkflow(req.scope).run({
      input: { rule_set: null, actor_id: req.auth_context.actor_id },
    })
    res.json(result)
  } catch (error) {
    if (!respondWithRuleSetErrors(res, error)) {
      throw error
    }
  }
}
