import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ORDER_RULES_MODULE } from ".."
import type OrderRulesModuleService from "../service"

jest.setTimeout(60_000)

const placed = {
  from_status: null,
  to_status: "awaiting_payment",
  actor: "system" as const,
  source: "event:order.placed",
}

moduleIntegrationTestRunner<OrderRulesModuleService>({
  moduleName: ORDER_RULES_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (query: string, params: unknown[] = []) =>
      MikroOrmWrapper.getManager().execute(query, params)

    describe("status history", () => {
      it("records a change and moves the lifecycle in one go, numbering each order's changes", async () => {
        const first = await service.recordStatusChanges({
          order_id: "order_h1",
          expected_version: 0,
          changes: [placed],
        })
        expect(first.previous).toBeNull()
        expect(first.lifecycle).toEqual(expect.objectContaining({ status: "awaiting_payment", version: 1 }))

        const second = await service.recordStatusChanges({
          order_id: "order_h1",
          expected_version: 1,
          changes: [
            { from_status: "awaiting_payment", to_status: "paid", actor: "system", source: "event:payment.captured" },
            { from_status: "paid", to_status: "processing", actor: "admin", actor_id: "user_1", reason: "packing", source: "admin_api" },
          ],
        })
        expect(second.previous).toEqual(expect.objectContaining({ status: "awaiting_payment", version: 1 }))
        const [lifecycle] = await service.listOrderLifecycles({ order_id: "order_h1" })
        expect(lifecycle).toEqual(expect.objectContaining({ status: "processing", version: 3 }))

        const history = await service.listOrderStatusChanges({ order_id: "order_h1" }, { order: { sequence: "ASC" } })
        expect(history.map((h) => [h.sequence, h.from_status, h.to_status, h.actor])).toEqual([
          [1, null, "awaiting_payment", "system"],
          [2, "awaiting_payment", "paid", "system"],
          [3, "paid", "processing", "admin"],
        ])
        expect(history[2]).toEqual(expect.objectContaining({ actor_id: "user_1", reason: "packing", source: "admin_api" }))
        expect(history[0].id).toMatch(/^osc_/)
        expect(history[0].created_at).toBeInstanceOf(Date)
      })

      it("refuses a change planned against a stale version and records nothing", async () => {
        await service.recordStatusChanges({ order_id: "order_h2", expected_version: 0, changes: [placed] })
        await expect(
          service.recordStatusChanges({
            order_id: "order_h2",
            expected_version: 0,
            changes: [{ ...placed, from_status: "awaiting_payment", to_status: "cancelled" }],
          })
        ).rejects.toThrow(/changed while this change was being made/)
        const history = await service.listOrderStatusChanges({ order_id: "order_h2" })
        expect(history).toHaveLength(1)
        const [lifecycle] = await service.listOrderLifecycles({ order_id: "order_h2" })
        expect(lifecycle.status).toBe("awaiting_payment")
      })

      it("refuses a second use of an idempotency key on the same order", async () => {
        await service.recordStatusChanges({ order_id: "order_h3", expected_version: 0, changes: [placed] })
        const change = {
          from_status: "awaiting_payment",
          to_status: "cancelled",
          actor: "admin" as const,
          source: "admin_api",
          idempotency_key: "key-1",
        }
        await service.recordStatusChanges({ order_id: "order_h3", expected_version: 1, changes: [change] })
        await expect(
          service.recordStatusChanges({
            order_id: "order_h3",
            expected_version: 2,
            changes: [{ ...change, from_status: "cancelled", to_status: "refunded" }],
          })
        ).rejects.toThrow()
        expect(await service.listOrderStatusChanges({ order_id: "order_h3" })).toHaveLength(2)
      })

      it("is append-only: the service and the database both refuse updates and deletes", async () => {
        const { changes } = await service.recordStatusChanges({ order_id: "order_h4", expected_version: 0, changes: [placed] })
        const id = changes[0].id
        await expect(service.updateOrderStatusChanges({ id, reason: "rewritten" })).rejects.toThrow(/append-only/)
        await expect(service.deleteOrderStatusChanges(id)).rejects.toThrow(/append-only/)
        await expect(service.softDeleteOrderStatusChanges(id)).rejects.toThrow(/append-only/)
        await expect(sql(`UPDATE order_status_change SET reason = 'x' WHERE id = ?`, [id])).rejects.toThrow(/append-only/)
        await expect(sql(`DELETE FROM order_status_change WHERE id = ?`, [id])).rejects.toThrow(/append-only/)
        const [row] = await service.listOrderStatusChanges({ id })
        expect(row.reason).toBeNull()
      })

      it("reverts exactly what a rolled-back workflow recorded", async () => {
        await service.recordStatusChanges({ order_id: "order_h5", expected_version: 0, changes: [placed] })
        const recorded = await service.recordStatusChanges({
          order_id: "order_h5",
          expected_version: 1,
          changes: [{ from_status: "awaiting_payment", to_status: "cancelled", actor: "system", source: "timer:cancel-unpaid" }],
        })
        await service.revertStatusChanges({
          order_id: "order_h5",
          change_ids: recorded.changes.map((c) => c.id),
          previous: recorded.previous,
        })
        const [lifecycle] = await service.listOrderLifecycles({ order_id: "order_h5" })
        expect(lifecycle).toEqual(expect.objectContaining({ status: "awaiting_payment", version: 1 }))
        expect((await service.listOrderStatusChanges({ order_id: "order_h5" })).map((h) => h.to_status)).toEqual([
          "awaiting_payment",
        ])
        // The revert permission was local to that transaction.
        await expect(sql(`DELETE FROM order_status_change WHERE order_id = 'order_h5'`)).rejects.toThrow(/append-only/)
      })
    })

    describe("tracking rate limit", () => {
      it("counts attempts per key within a window and says when to retry", async () => {
        const now = new Date("2026-01-01T10:00:30Z")
        const attempt = () =>
          service.consumeRateLimit({ keys: ["ip:1", "order:7"], limit: 3, window_seconds: 60, now })
        for (let i = 0; i < 3; i++) {
          expect(await attempt()).toEqual({ allowed: true })
        }
        expect(await attempt()).toEqual({ allowed: false, retry_after_seconds: 30 })
        const nextWindow = await service.consumeRateLimit({
          keys: ["ip:1", "order:7"],
          limit: 3,
          window_seconds: 60,
          now: new Date("2026-01-01T10:01:00Z"),
        })
        expect(nextWindow).toEqual({ allowed: true })
      })

      it("counts concurrent attempts exactly", async () => {
        const now = new Date("2026-01-01T10:00:00Z")
        const results = await Promise.all(
          Array.from({ length: 12 }, () =>
            service.consumeRateLimit({ keys: ["ip:burst"], limit: 5, window_seconds: 60, now })
          )
        )
        expect(results.filter((r) => r.allowed)).toHaveLength(5)
      })

      it("purges expired windows", async () => {
        await service.consumeRateLimit({ keys: ["ip:old"], limit: 5, window_seconds: 60, now: new Date("2026-01-01T00:00:00Z") })
        await service.consumeRateLimit({ keys: ["ip:new"], limit: 5, window_seconds: 60, now: new Date("2026-01-02T00:00:00Z") })
        const purged = await service.purgeExpiredRecords(new Date("2026-01-01T12:00:00Z"))
        expect(purged.throttles).toBe(1)
        expect((await service.listOrderTrackingThrottles({})).map((t) => t.bucket)).toEqual([
          expect.stringMatching(/^ip:new:/),
        ])
      })
    })

    describe("rule set in force", () => {
      it("is the plugin's rule set until an admin saves one, and the latest save after that", async () => {
        const initial = await service.getActiveRuleSet()
        expect(initial).toEqual(expect.objectContaining({ version: 0, source: "plugin" }))
        expect(initial.rule_set.initial).toBe("awaiting_payment")

        const custom = { ...initial.rule_set, states: initial.rule_set.states.map((s) => ({ ...s, label: s.label.toUpperCase() })) }
        await service.createOrderRuleSets({ version: 1, rule_set: custom as unknown as Record<string, unknown> })
        const saved = await service.getActiveRuleSet()
        expect(saved).toEqual(expect.objectContaining({ version: 1, source: "admin" }))
        expect(saved.rule_set.states[0].label).toBe("AWAITING PAYMENT")

        await service.createOrderRuleSets({ version: 2, rule_set: null })
        expect(await service.getActiveRuleSet()).toEqual(expect.objectContaining({ version: 2, source: "plugin" }))
      })
    })
  },
})
