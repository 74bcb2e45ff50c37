import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { RecordedStatusChange } from "../../modules/order-rules/types"
import type { OrderFacts, RuleSet } from "../../rules"
import { factsFromOrder, ORDER_FACT_FIELDS, type OrderFactsRecord } from "../utils/order-facts"

export type LoadOrderStatusContextStepInput = {
  order_id: string
  idempotency_key?: string | null
}

export type OrderStatusContext = {
  order_id: string
  order: { display_id: number; email: string | null; customer_id: string | null; created_at: string }
  /** null: the order has no lifecycle row yet (placed before the plugin, or event raced placement). */
  status: string | null
  version: number
  /** When the status last changed (ISO), null without a lifecycle row. */
  changed_at: string | null
  facts: OrderFacts
  rule_set: RuleSet
  /** The change an earlier request with the same idempotency key recorded. */
  replay: RecordedStatusChange | null
}

export const loadOrderStatusContextStepId = "load-order-status-context"

/** Reads what a status decision needs: the lifecycle, Medusa's facts, the rules in force. */
export const loadOrderStatusContextStep = createStep(
  loadOrderStatusContextStepId,
  async (input: LoadOrderStatusContextStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const [{ data: orders }, lifecycles, active, replays] = await Promise.all([
      query.graph({ entity: "order", fields: ORDER_FACT_FIELDS, filters: { id: input.order_id } }),
      service.listOrderLifecycles({ order_id: input.order_id }),
      service.getActiveRuleSet(),
      input.idempotency_key
        ? service.listOrderStatusChanges({ order_id: input.order_id, idempotency_key: input.idempotency_key })
        : Promise.resolve([]),
    ])
    const order = orders[0] as OrderFactsRecord | undefined
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
    }
    const lifecycle = lifecycles[0]
    const context: OrderStatusContext = {
      order_id: order.id,
      order: {
        display_id: order.display_id,
        email: order.email,
        customer_id: order.customer_id,
        created_at: new Date(order.created_at).toISOString(),
      },
      status: lifecycle?.status ?? null,
      version: lifecycle?.version ?? 0,
      changed_at: lifecycle
        ? new Date(lifecycle.status_changed_at ?? lifecycle.updated_at).toISOString()
        : null,
      facts: factsFromOrder(order),
      rule_set: active.rule_set,
      replay: (replays[0] as unknown as RecordedStatusChange) ?? null,
    }
    return new StepResponse(context)
  }
)
