import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { validateOrderRulesWorkflow } from "../../../../workflows/validate-order-rules"
import type { PostAdminOrderRulesType } from "../validators"

/** Checks a rule set without saving it: `{ valid, errors }`, always 200 for a well-formed request. */
export async function POST(req: AuthenticatedMedusaRequest<PostAdminOrderRulesType>, res: MedusaResponse) {
  const { result } = await validateOrderRulesWorkflow(req.scope).run({
    input: { rule_set: req.validatedBody.rule_set },
  })
  res.json({ valid: result.valid, errors: result.errors, current_version: result.current_version })
}
