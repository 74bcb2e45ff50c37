import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_RULES_MODULE } from "../modules/order-rules"
import type OrderRulesModuleService from "../modules/order-rules/service"
import { completeDeliveredOrdersWorkflow } from "../workflows/complete-delivered-orders"

/** Hourly: complete orders delivered longer than `autoCompleteDelivered.afterDays` ago. */
export default async function completeDeliveredOrdersJob(container: MedusaContainer) {
  const { autoCompleteDelivered } = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE).getOptions()
  if (!autoCompleteDelivered.enabled) {
    return
  }
  await completeDeliveredOrdersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "soko-order-rules-complete-delivered",
  schedule: "7 * * * *",
}
