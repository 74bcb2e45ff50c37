import { createHash, timingSafeEqual } from "node:crypto"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import { toTrackingView, type OrderTrackingView, type TrackedOrderRecord } from "../utils/tracking-view"

export type FindTrackedOrderStepInput = { display_id: number; email: string }

export const findTrackedOrderStepId = "find-tracked-order"

const TRACKED_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "created_at",
  "items.title",
  "items.quantity",
  "items.detail.quantity",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
]

/**
 * The order with this number, only if it was placed with this email (compared
 * case-insensitively in constant time). A wrong pair and a missing order both
 * give null, after the same single lookup.
 */
export const findTrackedOrderStep = createStep(
  findTrackedOrderStepId,
  async (input: FindTrackedOrderStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: TRACKED_ORDER_FIELDS,
      filters: { display_id: input.display_id },
    })
    const order = data[0] as TrackedOrderRecord | undefined
    if (!order || !sameEmail(order.email, input.email)) {
      return new StepResponse<OrderTrackingView | null>(null)
    }
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const [history, active] = await Promise.all([
      service.listOrderStatusChanges({ order_id: order.id }, { order: { sequence: "ASC" } }),
      service.getActiveRuleSet(),
    ])
    return new StepResponse<OrderTrackingView | null>(toTrackingView(order, history, active.rule_set))
  }
)

function digest(email: string | null | undefined): Buffer {
  return createHash("sha256").update((email ?? "").trim().toLowerCase()).digest()
}

function sameEmail(stored: string | null | undefined, given: string): boolean {
  return Boolean(stored) && timingSafeEqual(digest(stored), digest(given))
}
