import { Module } from "@medusajs/framework/utils"
import OrderRulesModuleService from "./service"

export const ORDER_RULES_MODULE = "orderRules"

export default Module(ORDER_RULES_MODULE, {
  service: OrderRulesModuleService,
})

export { OrderRulesModuleService }
