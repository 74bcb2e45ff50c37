import { MedusaService } from "@medusajs/framework/utils"
import { OrderLifecycle } from "./models/order-lifecycle"

export default class OrderRulesModuleService extends MedusaService({
  OrderLifecycle,
}) {}
