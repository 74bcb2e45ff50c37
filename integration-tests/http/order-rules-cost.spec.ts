import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  capture,
  placeOrder,
  setupShop,
  waitForStatus,
  type Shop,
} from "../helpers/order-rules-shop"

jest.setTimeout(600_000)

// Measurement, not a test: jest.config.js collects this file only with SOKO_MEASURE=1,
// which prints what a status change costs.
const N = Number(process.env.SOKO_MEASURE_N || 50)

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { median: at(0.5), p90: at(0.9), min: sorted[0], max: sorted[sorted.length - 1] }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeAll(async () => {
      shop = await setupShop(getContainer(), api)
    })

    describe("order-rules: cost of a status change", () => {
      it(`times ${N} status changes against plain GETs and a plain Medusa order update on the same order`, async () => {
        const { data: rules } = await api.get("/admin/order-rules", shop.admin)
        const ruleSet = rules.rule_set
        ruleSet.states.push({ id: "on_hold", label: "On hold" })
        ruleSet.transitions.push({ from: "paid", to: "on_hold", actors: ["admin"] }, { from: "on_hold", to: "paid", actors: ["admin"] })
        await api.post("/admin/order-rules", { rule_set: ruleSet }, shop.admin)

        const order = await placeOrder(api, shop)
        await waitForStatus(api, shop, order.id, "awaiting_payment")
        await capture(api, shop, order.id)
        await waitForStatus(api, shop, order.id, "paid")

        const samples: Record<string, number[]> = { change: [], get_order: [], get_lifecycle: [], update_order: [] }
        // Warm up every route once.
        await api.get(`/admin/orders/${order.id}`, shop.admin)
        await api.get(`/admin/orders/${order.id}/lifecycle`, shop.admin)
        await api.post(`/admin/orders/${order.id}`, { metadata: { warm: 0 } }, shop.admin)
        for (let i = 0; i < N; i++) {
          const to = i % 2 === 0 ? "on_hold" : "paid"
          samples.change.push(await timed(() => api.post(`/admin/orders/${order.id}/lifecycle`, { status: to }, shop.admin)))
          samples.get_order.push(await timed(() => api.get(`/admin/orders/${order.id}`, shop.admin)))
          samples.get_lifecycle.push(await timed(() => api.get(`/admin/orders/${order.id}/lifecycle`, shop.admin)))
          samples.update_order.push(
            await timed(() => api.post(`/admin/orders/${order.id}`, { metadata: { i } }, shop.admin))
          )
        }
        const table = Object.fromEntries(
          Object.entries(samples).map(([name, values]) => [name, Object.fromEntries(Object.entries(stats(values)).map(([k, v]) => [k, Math.round(v * 10) / 10]))])
        )
        console.log(`order-rules status change cost, N=${N} (ms):\n${JSON.stringify(table, null, 2)}`)
        expect(samples.change).toHaveLength(N)
      })
    })
  },
})
