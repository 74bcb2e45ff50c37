import type { OrderRulesSuiteContext } from "./context"
import { Modules } from "@medusajs/framework/utils"
import {
  capture,
  eventually,
  expectConsistentChain,
  failure,
  historyOf,
  lifecycleOf,
  medusaStatusesOf,
  placeOrder,
  waitForStatus,
  type Shop,
} from "../../helpers/order-rules-shop"

export function statusChange({ api, getContainer, shop: seededShop }: OrderRulesSuiteContext) {
  let shop: Shop

  beforeAll(() => {
    shop = seededShop()
  })

  describe("order-rules: one way to change an order's status", () => {
    it("gives a placed order its first status and history entry, with the admin's legal next states", async () => {
      const order = await placeOrder(api, shop)
      const lifecycle = await waitForStatus(api, shop, order.id, "awaiting_payment")
      expect(lifecycle).toEqual(
        expect.objectContaining({
          order_id: order.id,
          label: "Awaiting payment",
          final: false,
          version: 1,
          allowed_next: ["cancelled"],
          medusa: { status: "pending", payment_status: "authorized", fulfillment_status: "not_fulfilled" },
        })
      )
      // "paid" is an admin transition, but blocked until the payment is captured.
      expect(lifecycle.next_states).toEqual([
        expect.objectContaining({ to: "paid", allowed: false, blocked_by: expect.stringMatching(/not been captured/) }),
        expect.objectContaining({ to: "cancelled", allowed: true, requires_reason: false }),
      ])
      expect(await historyOf(api, shop, order.id)).toEqual([
        expect.objectContaining({ sequence: 1, from: null, to: "awaiting_payment", actor: "system", source: "event:order.placed" }),
      ])
    })

    it("moves the order when the rules allow it: records who, why and when, and emits order_status.changed", async () => {
      const events: { from: string | null; to: string; order_id: string; actor: string }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      eventBus.subscribe("order_status.changed", async ({ data }: any) => {
        events.push(data as (typeof events)[number])
      })
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")

      const { data } = await api.post(
        `/admin/orders/${order.id}/lifecycle`,
        { status: "processing", reason: "picking started" },
        shop.admin
      )
      expect(data.order_lifecycle).toEqual({ order_id: order.id, status: "processing" })
      expect(data.changes).toEqual([
        expect.objectContaining({ from_status: "paid", to_status: "processing", actor: "admin", reason: "picking started", source: "admin_api" }),
      ])
      expect(data.changes[0].actor_id).toMatch(/^user_/)

      const history = await historyOf(api, shop, order.id)
      expect(history.map((h) => [h.from, h.to, h.actor])).toEqual([
        [null, "awaiting_payment", "system"],
        ["awaiting_payment", "paid", "system"],
        ["paid", "processing", "admin"],
      ])
      expect(history[1]).toEqual(expect.objectContaining({ source: "event:payment.captured" }))
      await eventually(async () =>
        expect(events.filter((e) => e.order_id === order.id).map((e) => [e.from, e.to, e.actor])).toEqual([
          [null, "awaiting_payment", "system"],
          ["awaiting_payment", "paid", "system"],
          ["paid", "processing", "admin"],
        ])
      )
    })

    it("refuses an illegal transition with a 400 naming the allowed next states, and changes nothing", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")

      const illegal = await failure(api.post(`/admin/orders/${order.id}/lifecycle`, { status: "shipped" }, shop.admin))
      expect(illegal.status).toBe(400)
      expect(illegal.data).toEqual({
        type: "not_allowed",
        code: "not_allowed",
        from: "awaiting_payment",
        message: 'Cannot move order from "awaiting_payment" to "shipped". Allowed next states for admin: cancelled.',
        allowed_next: ["cancelled"],
      })

      const guarded = await failure(api.post(`/admin/orders/${order.id}/lifecycle`, { status: "paid" }, shop.admin))
      expect(guarded.status).toBe(400)
      expect(guarded.data.code).toBe("guard_failed")
      expect(guarded.data.message).toMatch(/payment has not been captured.*Allowed next states for admin: cancelled/)

      const systemOnly = await failure(
        api.post(`/admin/orders/${order.id}/lifecycle`, { status: "payment_failed" }, shop.admin)
      )
      expect(systemOnly.status).toBe(403)
      expect(systemOnly.data).toEqual(expect.objectContaining({ code: "actor_forbidden", allowed_next: ["cancelled"] }))
      expect(systemOnly.data.message).toMatch(/Only system may do that/)

      const unknown = await failure(api.post(`/admin/orders/${order.id}/lifecycle`, { status: "teleported" }, shop.admin))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/Unknown order status "teleported"\. Known statuses: awaiting_payment, payment_failed, paid/)

      expect(await historyOf(api, shop, order.id)).toHaveLength(1)
      expect((await lifecycleOf(api, shop, order.id)).status).toBe("awaiting_payment")
    })

    it("refuses forged actors and malformed bodies with 4xx and a message, changing nothing", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const url = `/admin/orders/${order.id}/lifecycle`

      const forged = await failure(api.post(url, { status: "payment_failed", actor: "system" }, shop.admin))
      expect(forged.status).toBe(400)
      expect(forged.data.message).toMatch(/actor/)

      for (const body of [{}, { status: 42 }, { status: "" }, { status: "cancelled", reason: "x".repeat(501) }, { status: "cancelled", idempotency_key: "" }]) {
        const response = await failure(api.post(url, body, shop.admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toEqual(expect.any(String))
      }

      const anonymous = await failure(api.post(url, { status: "cancelled" }))
      expect(anonymous.status).toBe(401)
      const missing = await failure(api.post("/admin/orders/order_nope/lifecycle", { status: "cancelled" }, shop.admin))
      expect(missing.status).toBe(404)

      expect(await historyOf(api, shop, order.id)).toHaveLength(1)
    })

    it("cancelling runs Medusa's cancel (payment released, stock reservation removed) and needs a reason once paid", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const inventory = getContainer().resolve(Modules.INVENTORY)
      expect(await inventory.listReservationItems({ line_item_id: order.items.map((i) => i.id) })).toHaveLength(1)

      await api.post(`/admin/orders/${order.id}/lifecycle`, { status: "cancelled" }, shop.admin)
      expect(await medusaStatusesOf(api, shop, order.id)).toEqual(
        expect.objectContaining({ status: "canceled", payment_status: "canceled" })
      )
      expect(await inventory.listReservationItems({ line_item_id: order.items.map((i) => i.id) })).toHaveLength(0)

      const paid = await placeOrder(api, shop)
      await waitForStatus(api, shop, paid.id, "awaiting_payment")
      await capture(api, shop, paid.id)
      await waitForStatus(api, shop, paid.id, "paid")
      const noReason = await failure(api.post(`/admin/orders/${paid.id}/lifecycle`, { status: "cancelled" }, shop.admin))
      expect(noReason.status).toBe(400)
      expect(noReason.data.code).toBe("reason_required")
      expect((await medusaStatusesOf(api, shop, paid.id)).status).toBe("pending")
    })

    it("is idempotent: the same request repeated with its key records one change", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const url = `/admin/orders/${order.id}/lifecycle`
      const body = { status: "cancelled", reason: "customer phoned", idempotency_key: "cancel-call-1" }

      const first = await api.post(url, body, shop.admin)
      const again = await api.post(url, body, shop.admin)
      const viaHeader = await api.post(url, { status: "cancelled", reason: "customer phoned" }, {
        headers: { ...shop.admin.headers, "idempotency-key": "cancel-call-1" },
      })
      expect(first.data.replayed).toBe(false)
      expect(again.data.replayed).toBe(true)
      expect(again.data.changes[0].id).toBe(first.data.changes[0].id)
      expect(viaHeader.data.changes[0].id).toBe(first.data.changes[0].id)

      const reused = await failure(api.post(url, { ...body, status: "refunded" }, shop.admin))
      expect(reused.status).toBe(400)
      expect(reused.data.message).toMatch(/already used on this order for a change to "cancelled"/)
      expect(await historyOf(api, shop, order.id)).toHaveLength(2)
    })

    it("serialises concurrent conflicting changes: one consistent history, Medusa in agreement", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")

      const targets = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? "processing" : "cancelled"))
      const responses = await Promise.all(
        targets.map((status) =>
          api
            .post(`/admin/orders/${order.id}/lifecycle`, { status, reason: "race" }, shop.admin)
            .catch((e: { response: { status: number; data: Record<string, unknown> } }) => e.response)
        )
      )
      const succeeded = responses.filter((r) => r.status === 200)
      expect(responses.every((r) => r.status === 200 || r.status === 400)).toBe(true)
      // At most one of each target can win: paid → processing → cancelled, or paid → cancelled.
      expect(succeeded.length).toBeGreaterThanOrEqual(1)
      expect(succeeded.length).toBeLessThanOrEqual(2)
      const won = succeeded.map((r) => r.data.order_lifecycle.status)
      expect(new Set(won).size).toBe(won.length)
      for (const loser of responses.filter((r) => r.status === 400)) {
        expect(loser.data).toEqual(expect.objectContaining({ allowed_next: expect.any(Array) }))
      }

      // Cancelling a captured order refunds it; let the refund event settle.
      const settled = await waitForStatus(api, shop, order.id, "refunded")
      const history = await historyOf(api, shop, order.id)
      expectConsistentChain(history, settled.status)
      const manual = history.filter((h) => h.source === "admin_api").map((h) => h.to)
      expect(manual).toEqual(won.length === 2 ? ["processing", "cancelled"] : ["cancelled"])
      expect(await medusaStatusesOf(api, shop, order.id)).toEqual(
        expect.objectContaining({ status: "canceled", payment_status: "refunded" })
      )
    })

    it("serialises the same idempotent request sent ten times at once into one change", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          api
            .post(
              `/admin/orders/${order.id}/lifecycle`,
              { status: "cancelled", idempotency_key: "double-click" },
              shop.admin
            )
            .catch((e: { response: { status: number; data: Record<string, unknown> } }) => e.response)
        )
      )
      expect(responses.map((r) => [r.status, r.status === 200 ? "" : r.data.message])).toEqual(Array(10).fill([200, ""]))
      expect(new Set(responses.map((r) => r.data.changes[0].id)).size).toBe(1)
      expect(responses.filter((r) => !r.data.replayed)).toHaveLength(1)
      const history = await historyOf(api, shop, order.id)
      expect(history.map((h) => h.to)).toEqual(["awaiting_payment", "cancelled"])
    })
  })
}
