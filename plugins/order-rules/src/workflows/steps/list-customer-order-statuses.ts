import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"

export type ListCustomerOrderStatusesStepInput = { customer_id: string; limit: number; offset: number }

export type CustomerOrderStatus = {
  order_id: string
  display_id: number
  status: string
  label: string
  final: boolean
  placed_at: string
  changed_at: string | null
}

export const listCustomerOrderStatusesStepId = "list-customer-order-statuses"

/** A logged-in customer's orders, newest first, each with its status. */
export const listCustomerOrderStatusesStep = createStep(
  listCustomerOrderStatusesStepId,
  async (input: ListCustomerOrderStatusesStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const { data: orders, metadata } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "created_at"],
      filters: { customer_id: input.customer_id },
      pagination: { skip: input.offset, take: input.limit, order: { created_at: "DESC" } },
    })
    const ids = orders.map((o: { id: string }) => o.id)
    const [lifecycles, active] = await Promise.all([
      ids.length ? service.listOrderLifecycles({ order_id: ids }) : Promise.resolve([]),
      service.getActiveRuleSet(),
    ])
    const byOrder = new Map(lifecycles.map((l) => [l.order_id, l]))
    const statuses: CustomerOrderStatus[] = orders.map(
      (order: { id: string; display_id: number; created_at: string | Date }) => {
        const lifecycle = byOrder.get(order.id)
        const status = lifecycle?.status ?? active.rule_set.initial
        const state = active.rule_set.states.find((s) => s.id === status)
        return {
          order_id: order.id,
          display_id: order.display_id,
          status,
          label: state?.label ?? status,
          final: state?.final === true,
          placed_at: new Date(order.created_at).toISOString(),
          changed_at: lifecycle?.status_changed_at ? new Date(lifecycle.status_changed_at).toISOString() : null,
        }
      }
    )
    return new StepResponse({ orders: statuses, count: metadata?.count ?? statuses.length })
  }
)
