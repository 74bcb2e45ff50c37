import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ORDER_RULES_MODULE } from "../../../../modules/order-rules"
import type OrderRulesModuleService from "../../../../modules/order-rules/service"
import type { GetAdminTimerRunsType } from "./validators"

/** What each timer run examined and changed, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { timer, changed_only, limit, offset } = req.validatedQuery as GetAdminTimerRunsType
  const service = req.scope.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
  const [runs, count] = await service.listAndCountOrderTimerRuns(
    {
      ...(timer ? { timer } : {}),
      ...(changed_only ? { $or: [{ changed_count: { $gt: 0 } }, { failed_count: { $gt: 0 } }] } : {}),
    },
    { order: { ran_at: "DESC" }, take: limit, skip: offset }
  )
  res.json({ timer_runs: runs, count, limit, offset })
}
