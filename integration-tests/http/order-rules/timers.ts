import type { OrderRulesSuiteContext } from "./context"
import { Modules } from "@medusajs/framework/utils"
import {
  cancelUnpaidOrdersWorkflow,
  completeDeliveredOrdersWorkflow,
} from "@soko/medusa-plugin-order-rules/workflows"
import {
  capture,
  deliver,
  eventually,
  fulfil,
  historyOf,
  lifecycleOf,
  medusaStatusesOf,
  placeOrder,
  ship,
  waitForStatus,
  type Shop,
} from "../../helpers/order-rules-shop"

const minutes = (n: number) => n * 60 * 1000
const days = (n: number) => n * 24 * 3600 * 1000

type TimerWorkflow = typeof cancelUnpaidOrdersWorkflow | typeof completeDeliveredOrdersWorkflow
type TimerInput = { now: Date; keep_authorized?: boolean }

export function timers({ api, getContainer, shop: seededShop }: OrderRulesSuiteContext) {
  let shop: Shop

  beforeAll(() => {
    shop = seededShop()
  })

  // The plugin's own scheduled job may hold the timer for a moment at a minute boundary:
  // a run that stood down is simply repeated (the two-worker test checks standing down).
  const runTimer = async (workflow: TimerWorkflow, input: TimerInput) => {
    for (;;) {
      const { result } = await (workflow as any)(getContainer()).run({ input })
      if (result.run_id !== null) {
        return { result }
      }
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  const placedAt = async (orderId: string) => {
    const { data } = await api.get(`/admin/orders/${orderId}?fields=id,created_at`, shop.admin)
    return new Date(data.order.created_at).getTime()
  }

  describe("order-rules: timers, with the clock passed in", () => {
    it("cancels an unpaid order once 60 minutes have passed: stock released, payment released, customer event emitted, run recorded", async () => {
      const events: { name: string; data: Record<string, unknown> }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["order_status.changed", "order.canceled"]) {
        eventBus.subscribe(name, async (event: any) => {
          events.push({ name, data: event.data as Record<string, unknown> })
        })
      }
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const order = await placeOrder(api, shop, { quantity: 2 })
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const paid = await placeOrder(api, shop)
      await waitForStatus(api, shop, paid.id, "awaiting_payment")
      await capture(api, shop, paid.id)
      await waitForStatus(api, shop, paid.id, "paid")
      const lineItems = order.items.map((i) => i.id)
      const [reservation] = await inventory.listReservationItems({ line_item_id: lineItems })
      expect(reservation.quantity).toBe(2)
      const [levelBefore] = await inventory.listInventoryLevels({ inventory_item_id: reservation.inventory_item_id })
      const t0 = await placedAt(order.id)

      const early = await runTimer(cancelUnpaidOrdersWorkflow, { now: new Date(t0 + minutes(59)) })
      expect(early.result.changed).toEqual([])
      expect((await lifecycleOf(api, shop, order.id)).status).toBe("awaiting_payment")

      const due = await runTimer(cancelUnpaidOrdersWorkflow, { now: new Date(t0 + minutes(61)) })
      expect(due.result.changed).toEqual([{ order_id: order.id, from: "awaiting_payment", to: "cancelled" }])
      expect(due.result.failed).toEqual([])

      expect((await lifecycleOf(api, shop, order.id)).status).toBe("cancelled")
      expect((await lifecycleOf(api, shop, paid.id)).status).toBe("paid")
      expect(await medusaStatusesOf(api, shop, order.id)).toEqual(
        expect.objectContaining({ status: "canceled", payment_status: "canceled" })
      )
      expect(await inventory.listReservationItems({ line_item_id: lineItems })).toEqual([])
      const [levelAfter] = await inventory.listInventoryLevels({ inventory_item_id: reservation.inventory_item_id })
      expect(levelAfter.reserved_quantity).toBe(levelBefore.reserved_quantity - 2)

      expect((await historyOf(api, shop, order.id)).pop()).toEqual(
        expect.objectContaining({
          from: "awaiting_payment",
          to: "cancelled",
          actor: "system",
          source: "timer:cancel-unpaid",
          reason: "Not paid within 60 minutes of being placed",
        })
      )
      await eventually(async () => {
        expect(events).toEqual(
          expect.arrayContaining([
            { name: "order.canceled", data: expect.objectContaining({ id: order.id }) },
            {
              name: "order_status.changed",
              data: expect.objectContaining({ order_id: order.id, from: "awaiting_payment", to: "cancelled", source: "timer:cancel-unpaid" }),
            },
          ])
        )
      })

      const { data: runs } = await api.get("/admin/order-rules/timer-runs?timer=cancel-unpaid", shop.admin)
      const byClock = (at: number) => runs.timer_runs.find((r: { ran_at: string }) => new Date(r.ran_at).getTime() === at)
      expect(byClock(t0 + minutes(59))).toEqual(expect.objectContaining({ examined: 0, changed_count: 0 }))
      expect(byClock(t0 + minutes(61))).toEqual(expect.objectContaining({ examined: 1, changed_count: 1, failed_count: 0 }))
      expect(byClock(t0 + minutes(61)).result.changed).toEqual([{ order_id: order.id, from: "awaiting_payment", to: "cancelled" }])
      const { data: changedOnly } = await api.get("/admin/order-rules/timer-runs?changed_only=true", shop.admin)
      expect(changedOnly.count).toBe(1)
    })

    it("leaves authorized orders alone when keepAuthorized is set, and cancels orders whose payment failed", async () => {
      const authorized = await placeOrder(api, shop)
      await waitForStatus(api, shop, authorized.id, "awaiting_payment")
      const failed = await placeOrder(api, shop)
      await waitForStatus(api, shop, failed.id, "awaiting_payment")
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.failed", data: { order_id: failed.id } })
      await waitForStatus(api, shop, failed.id, "payment_failed")
      const t0 = Math.max(await placedAt(authorized.id), await placedAt(failed.id))

      const { result } = await runTimer(cancelUnpaidOrdersWorkflow, { now: new Date(t0 + minutes(61)), keep_authorized: true })
      expect(result.changed).toEqual([])
      expect(result.skipped.map((s: any) => s.order_id).sort()).toEqual([authorized.id, failed.id].sort())
      expect(result.skipped[0].why).toMatch(/payment is "authorized"/)

      const { result: withAuthorized } = await runTimer(cancelUnpaidOrdersWorkflow, { now: new Date(t0 + minutes(61)) })
      expect(withAuthorized.changed.map((c: any) => [c.from, c.to]).sort()).toEqual([
        ["awaiting_payment", "cancelled"],
        ["payment_failed", "cancelled"],
      ])
    })

    it("is safe with two workers: concurrent runs cancel each order once; the second run stands down", async () => {
      const orders = [await placeOrder(api, shop), await placeOrder(api, shop), await placeOrder(api, shop)]
      for (const order of orders) {
        await waitForStatus(api, shop, order.id, "awaiting_payment")
      }
      const now = new Date((await placedAt(orders[2].id)) + minutes(61))
      const race = () =>
        Promise.all([
          cancelUnpaidOrdersWorkflow(getContainer()).run({ input: { now } }),
          cancelUnpaidOrdersWorkflow(getContainer()).run({ input: { now } }),
        ])
      let [a, b] = await race()
      if (a.result.run_id === null && b.result.run_id === null) {
        // Both met the plugin's own scheduled run holding the timer; race again.
        ;[a, b] = await race()
      }
      const ran = [a.result, b.result].filter((r) => r.run_id !== null)
      const stoodDown = [a.result, b.result].filter((r) => r.run_id === null)
      expect(ran).toHaveLength(1)
      expect(stoodDown).toEqual([expect.objectContaining({ skipped_run: "another run of this timer is in progress" })])
      expect(ran[0].changed.map((c) => c.order_id).sort()).toEqual(orders.map((o) => o.id).sort())

      // The lock is free again, and a later run finds nothing left to do.
      const again = await runTimer(cancelUnpaidOrdersWorkflow, { now })
      expect(again.result).toEqual(expect.objectContaining({ changed: [], skipped: [], failed: [], skipped_run: null }))
      for (const order of orders) {
        expect((await historyOf(api, shop, order.id)).filter((h) => h.source === "timer:cancel-unpaid")).toHaveLength(1)
      }
    })

    it("completes delivered orders after 7 days (and in Medusa), not before", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")
      const fulfillmentId = await fulfil(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "processing")
      await ship(api, shop, order.id, fulfillmentId)
      await waitForStatus(api, shop, order.id, "shipped")
      await deliver(api, shop, order.id, fulfillmentId)
      const delivered = await waitForStatus(api, shop, order.id, "delivered")
      const deliveredAt = new Date(delivered.changed_at).getTime()

      const early = await runTimer(completeDeliveredOrdersWorkflow, { now: new Date(deliveredAt + days(6)) })
      expect(early.result.changed).toEqual([])
      const due = await runTimer(completeDeliveredOrdersWorkflow, { now: new Date(deliveredAt + days(7) + minutes(1)) })
      expect(due.result.changed).toEqual([{ order_id: order.id, from: "delivered", to: "completed" }])
      expect((await lifecycleOf(api, shop, order.id)).status).toBe("completed")
      expect((await medusaStatusesOf(api, shop, order.id)).status).toBe("completed")
      expect((await historyOf(api, shop, order.id)).pop()).toEqual(
        expect.objectContaining({ source: "timer:complete-delivered", reason: "Delivered more than 7 days ago" })
      )
    })

    it("exposes each order's status through the order link (admin order list)", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const { data } = await api.get("/admin/orders?fields=id,display_id,+order_lifecycle.status", shop.admin)
      const listed = data.orders.find((o: { id: string }) => o.id === order.id)
      expect(listed.order_lifecycle).toEqual(expect.objectContaining({ status: "awaiting_payment" }))
    })
  })
}
