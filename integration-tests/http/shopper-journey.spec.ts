import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"
import { KENYAN_ADDRESS } from "../helpers/store-checkout"

jest.setTimeout(120_000)

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("a shopper buys through the store API; the admin sees the order", () => {
      let store: { headers: Record<string, string> }

      beforeAll(async () => {
        const { publishableKey } = await runSeed(getContainer())
        store = { headers: { "x-publishable-api-key": publishableKey } }
      })

      it("walks key → regions → products → cart → address → shipping → payment → order → admin", async () => {
        const { data: regionsBody } = await api.get("/store/regions", store)
        const kenya = regionsBody.regions.find((r: { currency_code: string }) => r.currency_code === "kes")
        expect(kenya).toEqual(expect.objectContaining({ name: "Kenya" }))
        expect(kenya.countries.map((c: { iso_2: string }) => c.iso_2)).toEqual(["ke"])

        const { data: productsBody } = await api.get(
          `/store/products?region_id=${kenya.id}&fields=*variants.calculated_price&limit=50`,
          store
        )
        expect(productsBody.count).toBeGreaterThanOrEqual(12)
        const coffee = productsBody.products.find((p: { handle: string }) => p.handle === "kenya-aa-coffee")
        const variant = coffee.variants[0]
        expect(variant.calculated_price).toEqual(
          expect.objectContaining({ calculated_amount: 1450, currency_code: "kes" })
        )

        const { data: cartBody } = await api.post(
          "/store/carts",
          { region_id: kenya.id, email: "achieng@example.com" },
          store
        )
        const cartId = cartBody.cart.id

        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variant.id, quantity: 2 }, store)
        await api.post(
          `/store/carts/${cartId}`,
          { shipping_address: KENYAN_ADDRESS, billing_address: KENYAN_ADDRESS },
          store
        )

        const { data: optionsBody } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
        const names = optionsBody.shipping_options.map((o: { name: string }) => o.name)
        expect(names).toEqual(
          expect.arrayContaining(["Nairobi same-day delivery", "Countrywide courier", "Pickup at the shop"])
        )
        expect(names).not.toContain("International courier")
        const courier = optionsBody.shipping_options.find((o: { name: string }) => o.name === "Countrywide courier")
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: courier.id }, store)

        const { data: collectionBody } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
        const { data: sessionBody } = await api.post(
          `/store/payment-collections/${collectionBody.payment_collection.id}/payment-sessions`,
          { provider_id: "pp_system_default" },
          store
        )
        expect(sessionBody.payment_collection.payment_sessions[0].provider_id).toBe("pp_system_default")

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const order = completed.order
        // 2 × KES 1,450 coffee + KES 450 courier, VAT included in the prices.
        expect(order.total).toBe(3350)
        expect(order.currency_code).toBe("kes")

        const admin = await adminHeaders(getContainer(), api)
        const { data: adminOrder } = await api.get(`/admin/orders/${order.id}?fields=id,email,total,payment_status`, admin)
        expect(adminOrder.order).toEqual(
          expect.objectContaining({ id: order.id, email: "achieng@example.com", total: 3350 })
        )
        const { data: list } = await api.get("/admin/orders", admin)
        expect(list.orders.map((o: { id: string }) => o.id)).toContain(order.id)
      })

      it("refuses store calls without a publishable key, naming the header", async () => {
        const error = await api.get("/store/products").catch((e: { response: unknown }) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/x-publishable-api-key/)
      })
    })
  },
})
