import OrderModule from "@medusajs/medusa/order"
import { defineLink } from "@medusajs/framework/utils"
import OrderRulesModule from "../modules/order-rules"

/**
 * Read-only link order → order_lifecycle (joined on order_lifecycle.order_id, no
 * link table), so Query and the admin API can read an order's status:
 * `GET /admin/orders?fields=+order_lifecycle.status`.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...OrderRulesModule.linkable.orderLifecycle.id, primaryKey: "order_id" },
  { readOnly: true }
)
