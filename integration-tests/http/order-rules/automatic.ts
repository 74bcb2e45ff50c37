import type { OrderRulesSuiteContext } from "./context"
import { Modules } from "@medusajs/framework/utils"
import {
  cancelInMedusa,
  capture,
  deliver,
  expectConsistentChain,
  fulfil,
  historyOf,
  medusaStatusesOf,
  placeOrder,
  refund,
  ship,
  waitForStatus,
  type Shop,
} from "../../helpers/order-rules-shop"

export function automaticTransitions({ api, getContainer, shop: seededShop }: OrderRulesSuiteContext) {
  let shop: Shop

  beforeAll(() => {
    shop = seededShop()
  })

  describe("order-rules: automatic transitions from Medusa's own workflows", () => {
    it("capture → paid, fulfil → processing, ship → shipped, deliver → delivered; the admin completes it", async () => {
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
      expect(delivered.allowed_next).toEqual(["completed", "returned"])

      await api.post(`/admin/orders/${order.id}/lifecycle`, { status: "completed" }, shop.admin)
      expect((await medusaStatusesOf(api, shop, order.id)).status).toBe("completed")

      const history = await historyOf(api, shop, order.id)
      expect(history.map((h) => [h.from, h.to, h.actor, h.source])).toEqual([
        [null, "awaiting_payment", "system", "event:order.placed"],
        ["awaiting_payment", "paid", "system", "event:payment.captured"],
        ["paid", "processing", "system", "event:order.fulfillment_created"],
        ["processing", "shipped", "system", "event:shipment.created"],
        ["shipped", "delivered", "system", "event:delivery.created"],
        ["delivered", "completed", "admin", "admin_api"],
      ])
      expectConsistentChain(history, "completed")
    })

    it("a cancel in Medusa's admin → cancelled", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await cancelInMedusa(api, shop, order.id)
      const cancelled = await waitForStatus(api, shop, order.id, "cancelled")
      expect(cancelled.medusa).toEqual(expect.objectContaining({ status: "canceled", payment_status: "canceled" }))
      expect((await historyOf(api, shop, order.id)).map((h) => h.source)).toEqual([
        "event:order.placed",
        "event:order.canceled",
      ])
    })

    it("cancelling a paid order in Medusa refunds it: cancelled → refunded, though Medusa emits no refund event", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")
      await cancelInMedusa(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "refunded")
      expect((await historyOf(api, shop, order.id)).slice(2).map((h) => [h.from, h.to, h.reason])).toEqual([
        ["paid", "cancelled", "Medusa event order.canceled"],
        ["cancelled", "refunded", "Medusa event order.canceled (Medusa shows payment.refunded)"],
      ])
    })

    it("a full refund of a paid order → refunded", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")
      await refund(api, shop, order.id)
      const refunded = await waitForStatus(api, shop, order.id, "refunded")
      expect(refunded.final).toBe(true)
      expect(refunded.allowed_next).toEqual([])
      expect((await historyOf(api, shop, order.id)).pop()).toEqual(
        expect.objectContaining({ from: "paid", to: "refunded", source: "event:payment.refunded" })
      )
    })

    it("payment.failed (emitted by a payment plugin) → payment_failed; the admin can reopen it for another try", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "payment.failed", data: { order_id: order.id } })
      const failed = await waitForStatus(api, shop, order.id, "payment_failed")
      expect(failed.allowed_next).toEqual(["awaiting_payment", "cancelled"])
      await api.post(`/admin/orders/${order.id}/lifecycle`, { status: "awaiting_payment", reason: "customer will retry" }, shop.admin)
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")
      expectConsistentChain(await historyOf(api, shop, order.id), "paid")
    })

    it("an order fulfilled before its payment is captured waits, then catches up when the capture lands", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await fulfil(api, shop, order.id)
      const waiting = await waitForStatus(api, shop, order.id, "awaiting_payment")
      expect(waiting.medusa.fulfillment_status).toBe("fulfilled")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "processing")
      expect((await historyOf(api, shop, order.id)).map((h) => [h.to, h.source])).toEqual([
        ["awaiting_payment", "event:order.placed"],
        ["paid", "event:payment.captured"],
        ["processing", "event:payment.captured"],
      ])
    })

    it("a repeated Medusa event changes nothing", async () => {
      const order = await placeOrder(api, shop)
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const paymentId = await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await Promise.all([1, 2, 3].map(() => eventBus.emit({ name: "payment.captured", data: { id: paymentId } })))
      await eventBus.emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((r) => setTimeout(r, 1000))
      expect((await historyOf(api, shop, order.id)).map((h) => h.to)).toEqual(["awaiting_payment", "paid"])
    })
  })
}
