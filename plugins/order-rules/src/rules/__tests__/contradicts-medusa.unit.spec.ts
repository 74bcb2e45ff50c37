import { contradictsMedusa } from "../medusa-events"
import type { OrderFacts } from "../types"
import { DELIVERED, PAID, SHIPPED, facts } from "./fixtures"

const CANCELED = facts({ status: "canceled" })

describe("contradictsMedusa", () => {
  it.each<{ status: string; given: OrderFacts; problem: string | undefined }>([
    { status: "awaiting_payment", given: facts(), problem: undefined },
    { status: "awaiting_payment", given: PAID, problem: 'Status "awaiting_payment" contradicts Medusa: the payment has already been captured (payment status "captured").' },
    { status: "awaiting_payment", given: CANCELED, problem: 'Status "awaiting_payment" contradicts Medusa: the order is canceled in Medusa.' },
    { status: "payment_failed", given: facts({ payment_status: "refunded" }), problem: 'Status "payment_failed" contradicts Medusa: the payment has already been captured (payment status "refunded").' },
    { status: "paid", given: PAID, problem: undefined },
    { status: "paid", given: facts({ payment_status: "awaiting" }), problem: 'Status "paid" contradicts Medusa: the payment is not captured (payment status "awaiting").' },
    { status: "paid", given: facts({ payment_status: "not_paid" }), problem: 'Status "paid" contradicts Medusa: the payment is not captured (payment status "not_paid").' },
    { status: "processing", given: facts({ payment_status: "refunded" }), problem: 'Status "processing" contradicts Medusa: the payment is not captured (payment status "refunded").' },
    { status: "shipped", given: SHIPPED, problem: undefined },
    { status: "shipped", given: facts({ fulfillment_status: "partially_shipped" }), problem: 'Status "shipped" contradicts Medusa: not every item has shipped (fulfillment status "partially_shipped").' },
    { status: "out_for_delivery", given: facts({ fulfillment_status: "fulfilled" }), problem: 'Status "out_for_delivery" contradicts Medusa: not every item has shipped (fulfillment status "fulfilled").' },
    { status: "delivered", given: DELIVERED, problem: undefined },
    { status: "delivered", given: SHIPPED, problem: 'Status "delivered" contradicts Medusa: the order is not delivered (fulfillment status "shipped").' },
    { status: "completed", given: DELIVERED, problem: undefined },
    { status: "completed", given: facts({ fulfillment_status: "delivered", payment_status: "authorized" }), problem: 'Status "completed" contradicts Medusa: the payment is not captured (payment status "authorized").' },
    { status: "completed", given: facts({ status: "canceled", fulfillment_status: "delivered" }), problem: 'Status "completed" contradicts Medusa: the order is canceled in Medusa.' },
    { status: "cancelled", given: CANCELED, problem: undefined },
    { status: "cancelled", given: facts({ status: "canceled", payment_status: "captured" }), problem: undefined },
    { status: "cancelled", given: facts(), problem: undefined },
    { status: "cancelled", given: PAID, problem: 'Status "cancelled" contradicts Medusa: the order is not canceled in Medusa and its payment is still held or captured (payment status "captured").' },
    { status: "cancelled", given: facts({ payment_status: "authorized" }), problem: 'Status "cancelled" contradicts Medusa: the order is not canceled in Medusa and its payment is still held or captured (payment status "authorized").' },
    { status: "cancelled", given: facts({ payment_status: "refunded", fulfillment_status: "shipped" }), problem: 'Status "cancelled" contradicts Medusa: the order is not canceled in Medusa and items have shipped (fulfillment status "shipped").' },
    { status: "returned", given: DELIVERED, problem: undefined },
    { status: "returned", given: PAID, problem: 'Status "returned" contradicts Medusa: nothing has shipped (fulfillment status "not_fulfilled").' },
    { status: "refunded", given: facts({ payment_status: "refunded" }), problem: undefined },
    { status: "refunded", given: facts({ payment_status: "partially_refunded" }), problem: 'Status "refunded" contradicts Medusa: the payment is not fully refunded (payment status "partially_refunded").' },
    { status: "on_hold", given: CANCELED, problem: undefined },
  ])("$status with $given.status/$given.payment_status/$given.fulfillment_status", ({ status, given, problem }) => {
    expect(contradictsMedusa(status, given)).toBe(problem)
  })
})
