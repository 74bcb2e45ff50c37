import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderIdQueryForEvent, type OrderEventData } from "../utils/event-order-lookup"

export type ResolveEventOrderStepInput = { event_name: string; data: OrderEventData }

export const resolveEventOrderStepId = "resolve-event-order"

/**
 * Finds the order a Medusa event is about: events carry an order, fulfillment or
 * payment id. Undefined when there is no order (yet), e.g. a payment captured
 * before its cart was completed; the order's placement catches up on it.
 */
export const resolveEventOrderStep = createStep(
  resolveEventOrderStepId,
  async (input: ResolveEventOrderStepInput, { container }) => {
    const lookup = orderIdQueryForEvent(input.event_name, input.data)
    if (lookup === undefined) {
      return new StepResponse<string | null>(null)
    }
    if (lookup.kind === "order") {
      return new StepResponse<string | null>(lookup.id)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: lookup.entity,
      fields: [lookup.path],
      filters: { id: lookup.id },
    })
    const orderId = readPath(data[0], lookup.path)
    return new StepResponse<string | null>(typeof orderId === "string" ? orderId : null)
  }
)

function readPath(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((current, key) => {
    if (current && typeof current === "object") {
      return (current as Record<string, unknown>)[key]
    }
    return undefined
  }, value)
}
