import type { SubscriberConfig } from "@medusajs/framework"
import { metrics, type Counter } from "@medusajs/framework/opentelemetry/api"

let placed: Counter | undefined

/**
 * soko.orders.placed (Prometheus: soko_orders_placed_total), counted by the
 * instance that handles the event (the worker when split). A no-op unless
 * instrumentation.ts registered a meter provider (SOKO_METRICS_PORT).
 */
export default async function countPlacedOrders() {
  placed ??= metrics.getMeter("soko").createCounter("soko.orders.placed", { description: "Orders placed" })
  placed.add(1)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "soko-count-placed-orders" },
}
