import { DEFAULT_RULE_SET } from "../../../rules"
import { toTrackingView } from "../tracking-view"

const order = {
  id: "order_1",
  display_id: 1001,
  email: "a@example.com",
  created_at: "2026-01-01T10:00:00Z",
  items: [{ title: "Kenya AA Coffee", quantity: null, detail: { quantity: 2 } }],
  fulfillments: [
    { shipped_at: "2026-01-02T10:00:00Z", delivered_at: null, canceled_at: null, labels: [{ tracking_number: "T1", tracking_url: "https://t/1" }] },
    { shipped_at: "2026-01-02T11:00:00Z", delivered_at: null, canceled_at: "2026-01-02T12:00:00Z", labels: [{ tracking_number: "T2", tracking_url: null }] },
  ],
}

describe("toTrackingView", () => {
  it("shows statuses, items and live shipments, and nothing internal", () => {
    const view = toTrackingView(
      order,
      [
        { to_status: "awaiting_payment", created_at: "2026-01-01T10:00:01Z" },
        { to_status: "paid", created_at: "2026-01-01T10:05:00Z" },
        { to_status: "shipped", created_at: new Date("2026-01-02T10:00:00Z") },
      ],
      DEFAULT_RULE_SET
    )
    expect(view).toEqual({
      display_id: 1001,
      status: "shipped",
      label: "Shipped",
      description: "Every item has shipped.",
      final: false,
      placed_at: "2026-01-01T10:00:00.000Z",
      updated_at: "2026-01-02T10:00:00.000Z",
      timeline: [
        { status: "awaiting_payment", label: "Awaiting payment", at: "2026-01-01T10:00:01.000Z" },
        { status: "paid", label: "Paid", at: "2026-01-01T10:05:00.000Z" },
        { status: "shipped", label: "Shipped", at: "2026-01-02T10:00:00.000Z" },
      ],
      items: [{ title: "Kenya AA Coffee", quantity: 2 }],
      shipments: [{ tracking_number: "T1", tracking_url: "https://t/1", shipped_at: "2026-01-02T10:00:00.000Z", delivered_at: null }],
    })
  })

  it("shows an order without history in its initial state", () => {
    const view = toTrackingView({ ...order, fulfillments: [] }, [], DEFAULT_RULE_SET)
    expect(view.timeline).toEqual([{ status: "awaiting_payment", label: "Awaiting payment", at: "2026-01-01T10:00:00.000Z" }])
  })
})
