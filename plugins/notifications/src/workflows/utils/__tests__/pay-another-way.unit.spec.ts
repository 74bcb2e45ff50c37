import type { Order } from "../context"
import { payAnotherWay } from "../template-data"

const NONE = { mpesa_paybill: "", mpesa_till: "", mpesa_account: "" }

const order = (sessions: unknown[], captured = false): Order => ({
  id: "order_1",
  display_id: 1042,
  payment_collections: [
    {
      payments: [{ id: "pay_1", captured_at: captured ? new Date() : null }],
      payment_sessions: sessions.map((data) => ({ provider_id: "pp_mpesa_mpesa", data: data as Record<string, unknown> })),
    },
  ],
})

describe("payAnotherWay: the paybill/till lines of an unpaid order's messages", () => {
  it.each<[string, Order | undefined, typeof NONE]>([
    ["no order", undefined, NONE],
    ["no session offers it (card, or C2B off)", order([{ status: "pending" }]), NONE],
    ["paybill: the account is the order number", order([{ pay_another_way: { type: "paybill", number: "600984", account: "order_number" } }]), { ...NONE, mpesa_paybill: "600984", mpesa_account: "1042" }],
    ["till: no account", order([{ pay_another_way: { type: "till", number: "5123456", account: null } }]), { ...NONE, mpesa_till: "5123456" }],
    ["already captured: nothing to pay", order([{ pay_another_way: { type: "paybill", number: "600984", account: "order_number" } }], true), NONE],
    ["a paybill whose account no message can name", order([{ pay_another_way: { type: "paybill", number: "600984", account: "short_code" } }]), NONE],
    ["not a shortcode: never printed", order([{ pay_another_way: { type: "till", number: "<b>1</b>", account: null } }]), NONE],
    ["the first session that offers it", order([{}, { pay_another_way: { type: "till", number: "5123456" } }]), { ...NONE, mpesa_till: "5123456" }],
  ])("%s", (_, input, expected) => {
    expect(payAnotherWay(input)).toEqual(expected)
  })
})
