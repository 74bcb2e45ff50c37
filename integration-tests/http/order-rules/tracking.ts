import type { OrderRulesSuiteContext } from "./context"
import {
  capture,
  failure,
  placeOrder,
  waitForStatus,
  type Shop,
} from "../../helpers/order-rules-shop"

export function tracking({ api, shop: seededShop }: OrderRulesSuiteContext) {
  let shop: Shop
  const track = (body: unknown, client = "203.0.113.10") =>
    api.post("/store/order-tracking", body, {
      headers: { ...shop.store.headers, "x-forwarded-for": client },
    })

  beforeAll(() => {
    shop = seededShop()
  })

  describe("order-rules: guest order tracking", () => {
    it("a guest tracks an order by its number and email, without logging in", async () => {
      const order = await placeOrder(api, shop, { email: "Guest.Shopper@Example.com" })
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      await capture(api, shop, order.id)
      await waitForStatus(api, shop, order.id, "paid")

      const { data } = await track({ display_id: `#${order.display_id}`, email: " guest.shopper@example.com " })
      expect(data.order_tracking).toEqual({
        display_id: order.display_id,
        status: "paid",
        label: "Paid",
        description: "The payment has been captured.",
        final: false,
        placed_at: expect.any(String),
        updated_at: expect.any(String),
        timeline: [
          { status: "awaiting_payment", label: "Awaiting payment", at: expect.any(String) },
          { status: "paid", label: "Paid", at: expect.any(String) },
        ],
        items: [{ title: expect.any(String), quantity: 1 }],
        shipments: [],
      })
      // Nothing internal leaks: no ids, actors, reasons, addresses or email.
      const text = JSON.stringify(data)
      expect(text).not.toMatch(/"(id|order_id|actor|actor_id|reason|source|email|shipping_address)"|order_01|user_01|guest\.shopper/i)
    })

    it("answers a wrong email exactly like a missing order (no enumeration)", async () => {
      const order = await placeOrder(api, shop, { email: "owner@example.com" })
      await waitForStatus(api, shop, order.id, "awaiting_payment")

      const wrongEmail = await failure(track({ display_id: order.display_id, email: "thief@example.com" }))
      const missing = await failure(track({ display_id: order.display_id + 1000, email: "owner@example.com" }))
      expect(wrongEmail.status).toBe(404)
      expect(missing.status).toBe(404)
      expect(wrongEmail.data).toEqual(missing.data)
      expect(wrongEmail.data).toEqual({
        type: "not_found",
        message: "No order matches this order number and email address.",
      })
    })

    it("refuses malformed requests with 400, and requires the publishable key", async () => {
      for (const body of [
        {},
        { display_id: 1 },
        { display_id: "abc", email: "a@example.com" },
        { display_id: -3, email: "a@example.com" },
        { display_id: 1, email: "not-an-email" },
        { display_id: 1, email: "a@example.com", customer_id: "cus_1" },
      ]) {
        const response = await failure(track(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toEqual(expect.any(String))
      }
      const noKey = await failure(api.post("/store/order-tracking", { display_id: 1, email: "a@example.com" }))
      expect(noKey.status).toBe(400)
      expect(noKey.data.message).toMatch(/x-publishable-api-key/)
    })

    it("rate-limits attempts per client: the 11th in the window gets 429 with Retry-After, even for the right pair", async () => {
      const order = await placeOrder(api, shop, { email: "owner@example.com" })
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      for (let i = 0; i < 10; i++) {
        const guess = await failure(track({ display_id: 5000 + i, email: `guess${i}@example.com` }, "198.51.100.7"))
        expect(guess.status).toBe(404)
      }
      const limited = await failure(track({ display_id: order.display_id, email: "owner@example.com" }, "198.51.100.7"))
      expect(limited.status).toBe(429)
      expect(Number(limited.headers?.["retry-after"])).toBeGreaterThan(0)
      expect(limited.data.message).toMatch(/Too many tracking attempts/)

      // Another client is not affected.
      const other = await track({ display_id: order.display_id, email: "owner@example.com" }, "198.51.100.8")
      expect(other.data.order_tracking.status).toBe("awaiting_payment")
    })

    it("a stranger's wrong guesses on an order number lock the stranger out, never the order's owner", async () => {
      const order = await placeOrder(api, shop, { email: "owner@example.com" })
      await waitForStatus(api, shop, order.id, "awaiting_payment")
      const statuses: number[] = []
      for (let i = 0; i < 12; i++) {
        statuses.push((await failure(track({ display_id: order.display_id, email: `guess${i}@example.com` }, "192.0.2.66"))).status)
      }
      expect(statuses).toEqual([...Array(10).fill(404), 429, 429])
      const owner = await track({ display_id: order.display_id, email: "owner@example.com" }, "198.51.100.200")
      expect(owner.data.order_tracking.status).toBe("awaiting_payment")
    })
  })

  describe("order-rules: a logged-in customer's own orders", () => {
    async function customerLogin(email: string) {
      const password = "secret-pass-123"
      const { data: registered } = await api.post("/auth/customer/emailpass/register", { email, password })
      await api.post(
        "/store/customers",
        { email, first_name: "Amina", last_name: "Odhiambo" },
        { headers: { ...shop.store.headers, authorization: `Bearer ${registered.token}` } }
      )
      const { data } = await api.post("/auth/customer/emailpass", { email, password })
      return { headers: { ...shop.store.headers, authorization: `Bearer ${data.token}` } }
    }

    it("lists the customer's orders with statuses, shows one with the customer's legal next states, and lets them cancel", async () => {
      const amina = await customerLogin("amina@example.com")
      const first = await placeOrder(api, shop, { email: "amina@example.com", customer: amina })
      const second = await placeOrder(api, shop, { email: "amina@example.com", customer: amina })
      const stranger = await placeOrder(api, shop, { email: "other@example.com" })
      await waitForStatus(api, shop, second.id, "awaiting_payment")
      await capture(api, shop, first.id)
      await waitForStatus(api, shop, first.id, "paid")

      const { data: list } = await api.get("/store/customers/me/order-lifecycles", amina)
      expect(list.count).toBe(2)
      expect(list.orders.map((o: { order_id: string; status: string }) => [o.order_id, o.status])).toEqual([
        [second.id, "awaiting_payment"],
        [first.id, "paid"],
      ])

      const { data: one } = await api.get(`/store/customers/me/orders/${second.id}/lifecycle`, amina)
      expect(one.order_lifecycle).toEqual(expect.objectContaining({ status: "awaiting_payment", allowed_next: ["cancelled"] }))
      expect(one.order_lifecycle.medusa).toBeUndefined()
      expect(one.timeline).toEqual([{ status: "awaiting_payment", at: expect.any(String) }])

      // Paid orders are the merchant's to cancel.
      const { data: paid } = await api.get(`/store/customers/me/orders/${first.id}/lifecycle`, amina)
      expect(paid.order_lifecycle.allowed_next).toEqual([])
      const refused = await failure(api.post(`/store/customers/me/orders/${first.id}/lifecycle`, { status: "cancelled" }, amina))
      expect(refused.status).toBe(403)
      expect(refused.data.allowed_next).toEqual([])

      const { data: cancelled } = await api.post(
        `/store/customers/me/orders/${second.id}/lifecycle`,
        { status: "cancelled", reason: "ordered twice" },
        amina
      )
      expect(cancelled.order_lifecycle.status).toBe("cancelled")

      const notMine = await failure(api.get(`/store/customers/me/orders/${stranger.id}/lifecycle`, amina))
      expect(notMine.status).toBe(404)
      const notMineChange = await failure(
        api.post(`/store/customers/me/orders/${stranger.id}/lifecycle`, { status: "cancelled" }, amina)
      )
      expect(notMineChange.status).toBe(404)
      const anonymous = await failure(api.get("/store/customers/me/order-lifecycles", shop.store))
      expect(anonymous.status).toBe(401)
    })
  })
}
