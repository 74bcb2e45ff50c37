import type { OrderRulesSuiteContext } from "./context"
import {
  capture,
  failure,
  lifecycleOf,
  placeOrder,
  waitForStatus,
  type Shop,
} from "../../helpers/order-rules-shop"

type RuleSet = {
  initial: string
  states: { id: string; label: string; final?: boolean }[]
  transitions: { from: string; to: string; actors: string[]; guards?: string[]; requiresReason?: boolean }[]
}

const withOnHold = (base: RuleSet): RuleSet => ({
  ...base,
  states: [...base.states, { id: "on_hold", label: "On hold" }],
  transitions: [
    ...base.transitions,
    { from: "paid", to: "on_hold", actors: ["admin"], requiresReason: true },
    { from: "on_hold", to: "processing", actors: ["admin"], guards: ["payment_captured"] },
    { from: "on_hold", to: "cancelled", actors: ["admin"], requiresReason: true },
  ],
})

export function merchantRules({ api, shop: seededShop }: OrderRulesSuiteContext) {
  let shop: Shop

  beforeAll(() => {
    shop = seededShop()
  })

  const rules = async () => (await api.get("/admin/order-rules", shop.admin)).data

  describe("order-rules: merchants edit the rules in admin", () => {
    it("shows the rules in force with what the editor may use", async () => {
      const data = await rules()
      expect(data).toEqual(
        expect.objectContaining({ version: 0, source: "plugin", actors: ["system", "admin", "customer"] })
      )
      expect(data.rule_set.states.map((s: { id: string }) => s.id)).toEqual([
        "awaiting_payment", "payment_failed", "paid", "processing", "shipped", "out_for_delivery",
        "delivered", "completed", "cancelled", "returned", "refunded",
      ])
      expect(data.guards).toContainEqual({ id: "payment_captured", description: "The payment has been captured in Medusa" })
      expect(data.plugin_rule_set).toEqual(data.rule_set)
    })

    it("validates before saving: unreachable and dead-end states are named, nothing is saved", async () => {
      const { rule_set } = await rules()
      const deadEnd = { ...rule_set, states: [...rule_set.states, { id: "on_hold", label: "On hold" }], transitions: [...rule_set.transitions, { from: "paid", to: "on_hold", actors: ["admin"] }] }
      const unreachable = { ...rule_set, states: [...rule_set.states, { id: "limbo", label: "Limbo" }], transitions: [...rule_set.transitions, { from: "limbo", to: "cancelled", actors: ["admin"] }] }
      const unknownState = { ...rule_set, transitions: [...rule_set.transitions, { from: "paid", to: "teleported", actors: ["admin"] }] }

      const dry = await api.post("/admin/order-rules/validate", { rule_set: deadEnd }, shop.admin)
      expect(dry.data).toEqual({
        valid: false,
        errors: ['state "on_hold" is a dead end: mark it final or add a transition out of it'],
        current_version: 0,
      })
      const ok = await api.post("/admin/order-rules/validate", { rule_set: withOnHold(rule_set) }, shop.admin)
      expect(ok.data).toEqual({ valid: true, errors: [], current_version: 0 })

      for (const [candidate, message] of [
        [deadEnd, /state "on_hold" is a dead end/],
        [unreachable, /state "limbo" cannot be reached from "awaiting_payment"/],
        [unknownState, /transition paid → teleported: unknown state "teleported"/],
      ] as const) {
        const refused = await failure(api.post("/admin/order-rules", { rule_set: candidate }, shop.admin))
        expect(refused.status).toBe(400)
        expect(refused.data.type).toBe("invalid_data")
        expect(refused.data.message).toMatch(message)
        expect(refused.data.errors).toEqual([expect.stringMatching(message)])
      }
      for (const body of [{}, { rule_set: "all of them" }, { rule_set: rule_set, extra: true }, { rule_set, expected_version: -1 }]) {
        expect((await failure(api.post("/admin/order-rules", body, shop.admin))).status).toBe(400)
      }
      expect((await rules()).version).toBe(0)
    })

    it("a saved custom state is usable at once, cannot be removed while orders are in it, and edits conflict safely", async () => {
      const { rule_set } = await rules()
      const saved = await api.post("/admin/order-rules", { rule_set: withOnHold(rule_set), expected_version: 0 }, shop.admin)
      expect(saved.data).toEqual(expect.objectContaining({ version: 1, source: "admin" }))

      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      const paid = await waitForStatus(api, shop, order.id, "paid")
      expect(paid.allowed_next).toEqual(["processing", "cancelled", "on_hold"])
      await api.post(`/admin/orders/${order.id}/lifecycle`, { status: "on_hold", reason: "address check" }, shop.admin)
      const held = await lifecycleOf(api, shop, order.id)
      expect(held).toEqual(expect.objectContaining({ status: "on_hold", label: "On hold", allowed_next: ["processing", "cancelled"] }))

      // Someone else saved meanwhile: a save based on version 0 is refused.
      const stale = await failure(api.post("/admin/order-rules", { rule_set: withOnHold(rule_set), expected_version: 0 }, shop.admin))
      expect(stale.status).toBe(409)
      expect(stale.data.message).toMatch(/changed by someone else \(now version 1/)

      const dropping = await failure(api.post("/admin/order-rules", { rule_set, expected_version: 1 }, shop.admin))
      expect(dropping.status).toBe(400)
      expect(dropping.data.errors).toEqual(['state "on_hold" cannot be removed: 1 order(s) are in it'])
      const reset = await failure(api.delete("/admin/order-rules", shop.admin))
      expect(reset.status).toBe(400)
      expect((await rules()).orders_by_status).toEqual(expect.objectContaining({ on_hold: 1 }))

      await api.post(`/admin/orders/${order.id}/lifecycle`, { status: "processing" }, shop.admin)
      const { data: back } = await api.delete("/admin/order-rules", shop.admin)
      expect(back).toEqual(expect.objectContaining({ version: 2, source: "plugin" }))
      expect((await rules()).rule_set.states.map((s: { id: string }) => s.id)).not.toContain("on_hold")
    })
  })
}
