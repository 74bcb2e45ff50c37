import { model } from "@medusajs/framework/utils"

/**
 * The merchant-facing lifecycle status of one order. Medusa's own order,
 * payment and fulfilment statuses stay authoritative; this row says where the
 * order is in the shop's process. `version` counts the order's history rows, so
 * a change only lands on the version it was planned against.
 */
export const OrderLifecycle = model
  .define("order_lifecycle", {
    id: model.id({ prefix: "olc" }).primaryKey(),
    order_id: model.text().unique(),
    status: model.text().index(),
    version: model.number().default(0),
    status_changed_at: model.dateTime().nullable(),
  })
