import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_RULES_MODULE } from "../modules/order-rules"
import type OrderRulesModuleService from "../modules/order-rules/service"
import { cancelUnpaidOrdersWorkflow } from "../workflows/cancel-unpaid-orders"

/** Every minute: cancel orders left unpaid longer than `autoCancelUnpaid.afterMinutes`. */
export default async function cancelUnpaidOrdersJob(container: MedusaContainer) {
  const { autoCancelUnpaid } = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE).getOptions()
  if (!autoCancelUnpaid.enabled) {
    return
  }
  await cancelUnpaidOrdersWorkflow(container).run({ input: {} })
}

export const config = {
  name: "soko-order-rules-cancel-unpaid",
  schedule: "* * * * *",
}
