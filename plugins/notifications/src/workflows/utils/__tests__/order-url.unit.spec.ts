import { orderUrl } from "../template-data"
import type { Order } from "../context"

const sign = (id: string) => `tok+${id}/=`
const order: Order = { id: "order_01", shipping_address: { country_code: "KE" }, billing_address: { country_code: "ug" } }

describe("orderUrl", () => {
  it.each<[string, Order | undefined, { storefrontUrl?: string; orderPath: string; orderLinkToken?: (id: string) => string }, string]>([
    ["the account page (plugin default)", order, { storefrontUrl: "https://shop.example.com", orderPath: "/account/orders/details/:id" }, "https://shop.example.com/account/orders/details/order_01"],
    [
      "a guest's page with country and signed token (Soko)",
      order,
      { storefrontUrl: "https://shop.example.com", orderPath: "/:country/order/:id/confirmed?token=:token", orderLinkToken: sign },
      "https://shop.example.com/ke/order/order_01/confirmed?token=tok%2Border_01%2F%3D",
    ],
    ["billing country when there is no shipping address", { ...order, shipping_address: null }, { storefrontUrl: "https://s.example", orderPath: "/:country/o/:id" }, "https://s.example/ug/o/order_01"],
    ["no link without any country", { id: "order_01" }, { storefrontUrl: "https://s.example", orderPath: "/:country/o/:id" }, ""],
    ["no link without a storefront", order, { orderPath: "/o/:id" }, ""],
    ["no link without an order", undefined, { storefrontUrl: "https://s.example", orderPath: "/o/:id" }, ""],
  ])("%s", (_name, o, options, expected) => {
    expect(orderUrl(o, options)).toBe(expected)
  })
})
