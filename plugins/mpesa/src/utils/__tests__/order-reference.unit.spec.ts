import { parseOrderReference, type OrderReference } from "../order-reference"

describe("parseOrderReference", () => {
  it.each<[string, OrderReference | RegExp]>([
    ["#1042", { ok: true, kind: "display_id", display_id: 1042 }],
    ["1042", { ok: true, kind: "display_id", display_id: 1042 }],
    ["  # 7 ", { ok: true, kind: "display_id", display_id: 7 }],
    ["#0042", { ok: true, kind: "display_id", display_id: 42 }],
    ["order_01JABCDEF0123456789", { ok: true, kind: "id", id: "order_01JABCDEF0123456789" }],
    [" order_01JABC ", { ok: true, kind: "id", id: "order_01JABC" }],
    ["", /order number as admin shows it/],
    ["#0", /order number/],
    ["K7M2QX", /order number/],
    ["order_", /order number/],
    ["order_01; drop", /order number/],
    ["12 34", /order number/],
    ["1234567890", /order number/],
  ])("%j", (input, expected) => {
    const parsed = parseOrderReference(input)
    if (expected instanceof RegExp) {
      expect(parsed.ok).toBe(false)
      expect(parsed.ok ? "" : parsed.reason).toMatch(expected)
    } else {
      expect(parsed).toEqual(expected)
    }
  })
})
