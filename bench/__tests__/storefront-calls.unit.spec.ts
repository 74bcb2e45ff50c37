import { bodyFor, fill, itemsOnCreate, learn, toTemplate } from "../storefront-calls"

const CART = "cart_01KBXQ2V9Y5W8T3M7N4P6R2S1A"
const PAY_COL = "pay_col_01KBXQ2V9Y5W8T3M7N4P6R2S1B"
const REG = "reg_01KBXQ2V9Y5W8T3M7N4P6R2S1C"

describe("toTemplate", () => {
  it.each([
    [{ method: "POST", url: `/store/carts/${CART}/line-items?fields=id` }, { method: "POST", path: "/store/carts/{cart}/line-items?fields=id" }],
    [{ method: "POST", url: `/store/payment-collections/${PAY_COL}/payment-sessions` }, { method: "POST", path: "/store/payment-collections/{pay_col}/payment-sessions" }],
    [
      { method: "GET", url: `/store/products?handle=kenya-aa-coffee&region_id=${REG}&fields=*variants.calculated_price` },
      { method: "GET", path: "/store/products?handle={handle}&region_id={reg}&fields=*variants.calculated_price" },
    ],
    [{ method: "GET", url: "/store/regions?fields=id,currency_code" }, { method: "GET", path: "/store/regions?fields=id,currency_code" }],
    // Not an id: too short, or lower-case.
    [{ method: "GET", url: "/store/products?q=cart_abc" }, { method: "GET", path: "/store/products?q=cart_abc" }],
  ])("%j", (call, expected) => {
    expect(toTemplate([call])).toEqual([expected])
  })

  it("refuses a method it cannot replay", () => {
    expect(() => toTemplate([{ method: "PATCH", url: "/store/carts" }])).toThrow(/PATCH \/store\/carts: only GET, POST and DELETE/)
  })
})

describe("fill", () => {
  it("puts this run's ids in", () => {
    expect(fill("/store/carts/{cart}?region_id={reg}", { cart: "cart_1", reg: "reg_1" })).toBe("/store/carts/cart_1?region_id=reg_1")
  })
  it("names a placeholder no answer gave yet", () => {
    expect(() => fill("/store/orders/{order}", { cart: "cart_1" })).toThrow("replay: no {order} known yet for /store/orders/{order}")
  })
})

describe("bodyFor", () => {
  const ids = { reg: "reg_1", cart: "cart_1", variant: "variant_1", so: "so_1", pay_col: "pay_col_1" }
  it.each([
    ["/store/carts?fields=id", { region_id: "reg_1", items: [{ variant_id: "variant_1", quantity: 1 }] }],
    ["/store/carts/{cart}/line-items", { variant_id: "variant_1", quantity: 1 }],
    ["/store/carts/{cart}/shipping-methods?fields=id", { option_id: "so_1" }],
    ["/store/payment-collections", { cart_id: "cart_1" }],
    ["/store/payment-collections/{pay_col}/payment-sessions", { provider_id: "pp_system_default" }],
    ["/store/carts/{cart}/complete", {}],
  ])("%s", (template, expected) => {
    expect(bodyFor(template, ids, "a@example.com")).toEqual(expected)
  })
  it("the address step carries the email, both addresses and the language (none for English content, the shop language in metadata)", () => {
    expect(bodyFor("/store/carts/{cart}", ids, "a@example.com")).toEqual(expect.objectContaining({ email: "a@example.com", locale: null, metadata: { locale: "en" } }))
  })
  it("a recording whose storefront added the item in a second call gets a cart made without it", () => {
    expect(bodyFor("/store/carts?fields=id", ids, "a@example.com", false)).toEqual({ region_id: "reg_1" })
  })
  it("a write it has no body for is an error naming the route", () => {
    expect(() => bodyFor("/store/customers/me?fields=id", ids, "a@example.com")).toThrow(/no body known for POST \/store\/customers\/me/)
  })
})

describe("itemsOnCreate", () => {
  it.each([
    ["a cart made with its item", [{ method: "POST", path: "/store/carts?fields=id" }], true],
    [
      "a cart made, then an item added (recordings before 2026-12-07)",
      [
        { method: "POST", path: "/store/carts?fields=id" },
        { method: "POST", path: "/store/carts/{cart}/line-items?fields=id" },
      ],
      false,
    ],
    ["a line-items GET is not an add", [{ method: "GET", path: "/store/carts/{cart}/line-items" }], true],
  ] as const)("%s", (_, calls, expected) => {
    expect(itemsOnCreate(calls.map((c) => ({ ...c })))).toBe(expected)
  })
})

describe("learn", () => {
  it.each([
    ["a cart", { cart: { id: "cart_2", payment_collection: { id: "pay_col_2" } } }, { cart: "cart_2", pay_col: "pay_col_2" }],
    ["a payment collection", { payment_collection: { id: "pay_col_3" } }, { pay_col: "pay_col_3" }],
    ["the first shipping option", { shipping_options: [{ id: "so_1" }, { id: "so_2" }] }, { so: "so_1" }],
    ["a placed order", { type: "order", order: { id: "order_1" } }, { order: "order_1" }],
    ["a refused completion: no order", { type: "cart", cart: { id: "cart_4" }, error: {} }, { cart: "cart_4" }],
    ["nothing", undefined, {}],
  ])("%s", (_name, body, expected) => {
    const ids: Record<string, string> = {}
    learn(body, ids)
    expect(ids).toEqual(expected)
  })
})
