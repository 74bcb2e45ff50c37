import { model } from "@medusajs/framework/utils"

/**
 * Fixed-window counters for the guest tracking endpoint, shared by every server
 * instance through Postgres. `bucket` is "<key>:<window start>".
 */
export const OrderTrackingThrottle = model.define("order_tracking_throttle", {
  id: model.id({ prefix: "ott" }).primaryKey(),
  bucket: model.text().unique(),
  hits: model.number().default(0),
  expires_at: model.dateTime().index(),
})
