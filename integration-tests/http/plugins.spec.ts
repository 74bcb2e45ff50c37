import fs from "node:fs"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"

jest.setTimeout(120_000)

const PLUGINS = ["mpesa", "order-rules", "notifications"]

async function eventually<T>(fn: () => Promise<T>, attempts = 50): Promise<T> {
  let lastError: unknown
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn()
    } catch (error) {
      lastError = error
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw lastError
}

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("Soko plugins load from their built output", () => {
      it.each(PLUGINS)("@soko/medusa-plugin-%s is registered and built", (name) => {
        const resolved = require.resolve(`@soko/medusa-plugin-${name}/package.json`)
        expect(fs.realpathSync(resolved)).toContain(`/plugins/${name}/package.json`)
        expect(require.resolve(`@soko/medusa-plugin-${name}/admin`)).toMatch(/\.medusa\/server\/src\/admin\/index\.js$/)
      })

      it("order-rules: its module migrated, its subscriber ran a workflow, its route answers", async () => {
        const container = getContainer()
        const pg = container.resolve("__pg_connection__")
        expect(await pg.schema.hasTable("order_lifecycle")).toBe(true)

        const { publishableKey } = await runSeed(container)
        const store = { headers: { "x-publishable-api-key": publishableKey } }
        const { data: regions } = await api.get("/store/regions", store)
        const kenya = regions.regions.find((r: { currency_code: string }) => r.currency_code === "kes")
        const { data: products } = await api.get(`/store/products?region_id=${kenya.id}`, store)
        const { data: cart } = await api.post("/store/carts", { region_id: kenya.id, email: "p@example.com" }, store)
        const cartId = cart.cart.id
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: products.products[0].variants[0].id, quantity: 1 }, store)
        await api.post(`/store/carts/${cartId}`, { shipping_address: { country_code: "ke", city: "Nairobi", address_1: "x", first_name: "P", last_name: "Q" } }, store)
        const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
        await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, store)
        const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
        await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id

        const admin = await adminHeaders(container, api)
        const { data } = await eventually<{ data: { order_lifecycle: unknown } }>(() =>
          api.get(`/admin/orders/${orderId}/lifecycle`, admin)
        )
        expect(data.order_lifecycle).toEqual(expect.objectContaining({ order_id: orderId, status: "awaiting_payment" }))

        const missing = await api
          .get("/admin/orders/order_missing/lifecycle", admin)
          .catch((e: { response: unknown }) => e.response)
        expect(missing.status).toBe(404)
        expect(missing.data.message).toMatch(/order_missing/)

        const anonymous = await api
          .get(`/admin/orders/${orderId}/lifecycle`)
          .catch((e: { response: unknown }) => e.response)
        expect(anonymous.status).toBe(401)
      })

      it("order-rules: the admin bundle registers the order-page widget", () => {
        const bundle = fs.readFileSync(require.resolve("@soko/medusa-plugin-order-rules/admin"), "utf8")
        expect(bundle).toMatch(/zone:\s*\["order\.details\.side\.before"\]/)
        expect(bundle).toContain("/lifecycle")
      })
    })
  },
})
