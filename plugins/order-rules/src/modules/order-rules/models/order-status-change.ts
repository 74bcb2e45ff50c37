import { model } from "@medusajs/framework/utils"

/**
 * One entry of an order's status history. Append-only: the service refuses
 * updates and deletes, and a database trigger enforces it (see the migration).
 * `sequence` numbers an order's changes 1, 2, 3…; (order_id, sequence) is
 * unique, so two writers can never both record "the next" change.
 */
export const OrderStatusChange = model
  .define("order_status_change", {
    id: model.id({ prefix: "osc" }).primaryKey(),
    order_id: model.text().index(),
    sequence: model.number(),
    from_status: model.text().nullable(),
    to_status: model.text(),
    actor: model.enum(["system", "admin", "customer"]),
    actor_id: model.text().nullable(),
    reason: model.text().nullable(),
    /** What caused it: "admin_api", "event:payment.captured", "timer:cancel-unpaid", … */
    source: model.text(),
    idempotency_key: model.text().nullable(),
  })
  .indexes([
    { on: ["order_id", "sequence"], unique: true },
    { on: ["order_id", "idempotency_key"], unique: true },
  ])
