import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { startStripeFake, StripeFake } from "@soko/stripe-fake"
import { freePort } from "../../scripts/lib/ports"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

/**
 * Cards in the International region with Medusa's own Stripe provider,
 * pointed at @soko/stripe-fake. Manual capture (the default): cart completion
 * authorizes, the admin captures and refunds. Webhooks are delivered by the
 * test (manual delivery) so their order relative to cart completion is chosen.
 */
const WEBHOOK_SECRET = "whsec_soko_integration"
const STRIPE_ENV = ["STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE_URL", "STRIPE_CAPTURE", "PAYMENT_WEBHOOK_DELAY_MS", "PORT"]
const saved: Record<string, string | undefined> = {}
let fake: StripeFake
let hookUrl: string

beforeAll(async () => {
  fake = await startStripeFake({ delivery: "manual" })
  const port = await freePort()
  hookUrl = `http://localhost:${port}/hooks/payment/stripe_stripe`
  fake.addWebhookEndpoint(hookUrl, WEBHOOK_SECRET)
  for (const name of STRIPE_ENV) {
    saved[name] = process.env[name]
  }
  Object.assign(process.env, {
    STRIPE_API_KEY: "sk_test_soko_integration",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: fake.url,
    STRIPE_CAPTURE: "false",
    PAYMENT_WEBHOOK_DELAY_MS: "1",
    PORT: String(port),
  })
})

afterAll(async () => {
  for (const name of STRIPE_ENV) {
    if (saved[name] === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = saved[name]
    }
  }
  await fake?.stop()
})

/** What Stripe.js does in the browser: confirm the intent with the publishable key and client secret. */
async function confirmInBrowser(pi: { id: string; client_secret: string }, paymentMethod: string) {
  const res = await fetch(`${fake.url}/v1/payment_intents/${pi.id}/confirm`, {
    method: "POST",
    headers: { authorization: "Bearer pk_test_soko", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ payment_method: paymentMethod, client_secret: pi.client_secret }).toString(),
  })
  return { status: res.status, body: (await res.json()) as any }
}

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before every test.
    beforeAll(async () => {
      const { publishableKey } = await runSeed(getContainer())
      store = { headers: { "x-publishable-api-key": publishableKey } }
    })
    beforeEach(() => {
      fake.reset()
    })

    async function cardSession() {
      const ready = await cartReadyForPayment(api, store, { currency: "usd" })
      const { data } = await api.post(
        `/store/payment-collections/${ready.paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_stripe_stripe" },
        store
      )
      const session = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe")
      return { ...ready, session, pi: session.data as { id: string; client_secret: string; amount: number } }
    }

    const complete = (cartId: string) =>
      api.post(`/store/carts/${cartId}/complete`, {}, store).then(
        (r: { data: any }) => r.data,
        (e: any) => ({ status: e.response?.status, ...e.response?.data })
      )

    /** Orders and payments of a cart, from the database (not from any one response). */
    async function ledger(cartId: string, paymentCollectionId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: links } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      const { data: payments } = await query.graph({
        entity: "payment",
        fields: ["id", "amount", "captured_at", "captures.id", "captures.amount", "refunds.id", "refunds.amount"],
        filters: { payment_collection_id: paymentCollectionId },
      })
      return { orderIds: links.map((l: any) => l.order_id), payments: payments as any[] }
    }

    const eventFor = (piId: string, type: string) => {
      const event = fake.listEvents({ paymentIntent: piId, type })[0]
      expect(event).toBeDefined()
      return event
    }

    it("offers cards in the International region only", async () => {
      const { data: regions } = await api.get("/store/regions", store)
      const providersOf = async (currency: string) => {
        const region = regions.regions.find((r: any) => r.currency_code === currency)
        const { data } = await api.get(`/store/payment-providers?region_id=${region.id}`, store)
        return data.payment_providers.map((p: { id: string }) => p.id)
      }
      expect(await providersOf("usd")).toContain("pp_stripe_stripe")
      expect(await providersOf("kes")).not.toContain("pp_stripe_stripe")
    })

    it("card checkout: intent for the cart total, confirmed by card, order authorized, admin captures once", async () => {
      const { cartId, paymentCollectionId, session, pi } = await cardSession()
      const { data: cart } = await api.get(`/store/carts/${cartId}?fields=total`, store)
      const intent = fake.paymentIntent(pi.id)!
      expect(intent).toEqual(
        expect.objectContaining({ amount: Math.round(cart.cart.total * 100), currency: "usd", capture_method: "manual" })
      )
      expect(intent.metadata.session_id).toBe(session.id)
      expect(pi.client_secret).toBe(intent.client_secret)
      expect(JSON.stringify(session.data)).not.toContain("sk_test")

      expect((await confirmInBrowser(pi, "pm_card_visa")).body.status).toBe("requires_capture")
      const completed = await complete(cartId)
      expect(completed.type).toBe("order")
      const admin = await adminHeaders(getContainer(), api)
      const placed = await api.get(`/admin/orders/${completed.order.id}?fields=id,payment_status`, admin)
      expect(placed.data.order.payment_status).toBe("authorized")

      const [payment] = (await ledger(cartId, paymentCollectionId)).payments
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      expect(fake.paymentIntent(pi.id)!.status).toBe("succeeded")
      expect(fake.requests({ path: /\/capture$/, executedOnly: true }).filter((r) => r.status === 200)).toHaveLength(1)
      const { data } = await api.get(`/admin/orders/${completed.order.id}?fields=id,payment_status`, admin)
      expect(data.order.payment_status).toBe("captured")
    })

    it("a declined card: Stripe's decline reaches the storefront, the cart is not completed, a new card pays", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      const declined = await confirmInBrowser(pi, "pm_card_chargeDeclined")
      expect(declined.status).toBe(402)
      expect(declined.body.error).toEqual(expect.objectContaining({ type: "card_error", code: "card_declined", message: "Your card was declined." }))

      const failed = await complete(cartId)
      expect(failed.type).not.toBe("order")
      expect(JSON.stringify(failed)).toMatch(/authoriz/i)
      expect((await ledger(cartId, paymentCollectionId)).orderIds).toHaveLength(0)

      // The storefront starts a new card session (a new intent) and the shopper tries another card.
      const { data } = await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_stripe_stripe" },
        store
      )
      const retry = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_stripe_stripe")
      expect(retry.data.id).not.toBe(pi.id)
      expect((await confirmInBrowser(retry.data, "pm_card_visa")).body.status).toBe("requires_capture")
      expect((await complete(cartId)).type).toBe("order")
    })

    it("3-D Secure: requires_action is reported to the storefront; after the challenge the order is placed", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      const confirmed = await confirmInBrowser(pi, "pm_card_threeDSecure2Required")
      expect(confirmed.body.status).toBe("requires_action")

      const attempt = await complete(cartId)
      expect(attempt.type).not.toBe("order")
      // What the storefront reads back: the session needs more from the shopper, with Stripe's next_action.
      const { data } = await api.get(
        `/store/carts/${cartId}?fields=payment_collection.payment_sessions.status,payment_collection.payment_sessions.data`,
        store
      )
      const session = data.cart.payment_collection.payment_sessions[0]
      expect(session.status).toBe("requires_more")
      expect(session.data.next_action).toEqual(expect.objectContaining({ type: "use_stripe_sdk" }))
      expect((await ledger(cartId, paymentCollectionId)).orderIds).toHaveLength(0)

      fake.completeAction(pi.id, "succeed")
      const done = await complete(cartId)
      expect(done.type).toBe("order")
    })

    it("webhook before cart completion: the webhook places the order; completion returns the same one", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      expect(await fake.deliver(eventFor(pi.id, "payment_intent.amount_capturable_updated").id)).toEqual([200])

      const orderIds = await eventually(async () => {
        const { orderIds } = await ledger(cartId, paymentCollectionId)
        return orderIds.length ? orderIds : undefined
      })
      const completed = await complete(cartId)
      expect(completed.type).toBe("order")
      expect(completed.order.id).toBe(orderIds[0])
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.orderIds).toHaveLength(1)
      expect(after.payments).toHaveLength(1)
    })

    it("webhook after cart completion changes nothing", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      const completed = await complete(cartId)
      expect(completed.type).toBe("order")
      const before = fake.requests().length
      await fake.deliver(eventFor(pi.id, "payment_intent.amount_capturable_updated").id)
      await eventually(async () => (fake.requests().length > before ? true : undefined), 20).catch(() => undefined)
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.orderIds).toEqual([completed.order.id])
      expect(after.payments).toHaveLength(1)
      expect(after.payments[0].captures).toHaveLength(0)
    })

    it("cart completion racing the webhook, and the same webhook three times at once: one order, one payment", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      const event = eventFor(pi.id, "payment_intent.amount_capturable_updated")
      const [statuses, first, second] = await Promise.all([
        fake.deliver(event.id, { times: 3, concurrent: true }),
        complete(cartId),
        complete(cartId),
      ])
      expect(statuses).toEqual([200, 200, 200])
      const orders = [first, second].filter((r) => r.type === "order").map((r) => r.order.id)
      expect(orders.length).toBeGreaterThanOrEqual(1)
      // Let every webhook run finish, then count.
      await new Promise((r) => setTimeout(r, 1500))
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.orderIds).toHaveLength(1)
      expect(new Set(orders)).toEqual(new Set(after.orderIds))
      expect(after.payments).toHaveLength(1)
    })

    it("capture, then payment_intent.succeeded three times at once: one capture in Medusa and at Stripe", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      expect((await complete(cartId)).type).toBe("order")
      const admin = await adminHeaders(getContainer(), api)
      const [payment] = (await ledger(cartId, paymentCollectionId)).payments
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      const succeeded = eventFor(pi.id, "payment_intent.succeeded")
      expect(await fake.deliver(succeeded.id, { times: 3, concurrent: true })).toEqual([200, 200, 200])
      await new Promise((r) => setTimeout(r, 1500))
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.payments).toHaveLength(1)
      expect(after.payments[0].captures).toHaveLength(1)
      expect(fake.requests({ path: /\/capture$/ }).filter((r) => r.status === 200 && !r.replayed)).toHaveLength(1)
    })

    it("a webhook with a bad signature is rejected with a 400: no order, no payment", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      const event = eventFor(pi.id, "payment_intent.amount_capturable_updated")
      // Soko checks the signature before Medusa's hook route queues the event (the provider checks again later).
      expect(await fake.deliver(event.id, { secret: "whsec_wrong" })).toEqual([400])
      expect(await fake.deliver(event.id, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).toEqual([400])
      await new Promise((r) => setTimeout(r, 1500))
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.orderIds).toHaveLength(0)
      expect(after.payments).toHaveLength(0)
      // The same event correctly signed is processed.
      await fake.deliver(event.id)
      await eventually(async () => ((await ledger(cartId, paymentCollectionId)).orderIds.length ? true : undefined))
    })

    it("refund from the admin reaches Stripe once, for the amount asked", async () => {
      const { cartId, paymentCollectionId, pi } = await cardSession()
      await confirmInBrowser(pi, "pm_card_visa")
      const completed = await complete(cartId)
      const admin = await adminHeaders(getContainer(), api)
      const [payment] = (await ledger(cartId, paymentCollectionId)).payments
      await api.post(`/admin/payments/${payment.id}/capture`, {}, admin)
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 5 }, admin)
      const refunds = fake.listEvents({ type: "refund.created", paymentIntent: pi.id })
      expect(refunds).toHaveLength(1)
      expect(refunds[0].data.object).toEqual(expect.objectContaining({ amount: 500, currency: "usd", payment_intent: pi.id }))
      const after = await ledger(cartId, paymentCollectionId)
      expect(after.payments[0].refunds.map((r: any) => Number(r.amount))).toEqual([5])
      const { data } = await api.get(`/admin/orders/${completed.order.id}?fields=id,payment_status`, admin)
      expect(data.order.payment_status).toBe("partially_refunded")
    })
  },
})
