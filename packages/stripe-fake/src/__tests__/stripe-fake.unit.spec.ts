import http from "node:http"
import type { AddressInfo } from "node:net"
import { startStripeFake, StripeFake } from "../index"

// The same Stripe SDK (and version) Medusa's Stripe provider uses.
const StripeSdk = require(require.resolve("stripe", { paths: [require.resolve("@medusajs/payment-stripe")] }))

const SECRET = "whsec_test_secret"
const NOW = 1_760_000_000_000

function sdk(fake: StripeFake, key = "sk_test_soko") {
  const url = new URL(fake.url)
  return new StripeSdk(key, { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 0 })
}

/** A webhook receiver that records raw bodies and headers. */
async function receiver() {
  const received: { body: string; signature: string }[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) })
      res.writeHead(200).end("ok")
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) }
}

describe("stripe-fake through Stripe's own SDK", () => {
  let fake: StripeFake
  let stripe: any
  let hooks: Awaited<ReturnType<typeof receiver>>

  beforeAll(async () => {
    hooks = await receiver()
    fake = await startStripeFake({ webhooks: [{ url: hooks.url, secret: SECRET }], delivery: "manual", now: () => NOW })
    stripe = sdk(fake)
  })

  afterAll(async () => {
    await fake.stop()
    await hooks.close()
  })

  beforeEach(() => {
    fake.reset()
    hooks.received.length = 0
  })

  it("creates, retrieves (with expand), updates, confirms and captures a manual-capture intent", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: "USD",
      capture_method: "manual",
      metadata: { session_id: "payses_1" },
      automatic_payment_methods: { enabled: true },
      expand: ["payment_method"],
    })
    expect(pi).toEqual(
      expect.objectContaining({
        object: "payment_intent",
        amount: 2500,
        currency: "usd",
        status: "requires_payment_method",
        capture_method: "manual",
        metadata: { session_id: "payses_1" },
        automatic_payment_methods: { enabled: true },
        created: NOW / 1000,
      })
    )
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`))
    await stripe.paymentIntents.update(pi.id, { amount: 3000 })
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })
    expect(confirmed).toEqual(expect.objectContaining({ status: "requires_capture", amount_capturable: 3000 }))
    const retrieved = await stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method"] })
    expect(retrieved.payment_method).toEqual(expect.objectContaining({ id: "pm_card_visa", type: "card", card: expect.objectContaining({ last4: "4242" }) }))
    const captured = await stripe.paymentIntents.capture(pi.id)
    expect(captured).toEqual(expect.objectContaining({ status: "succeeded", amount_received: 3000, amount_capturable: 0 }))
    expect(fake.listEvents({ paymentIntent: pi.id }).map((e) => e.type)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.amount_capturable_updated",
      "charge.captured",
      "payment_intent.succeeded",
    ])
  })

  it("automatic capture succeeds on confirm", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "automatic", payment_method: "pm_card_visa", confirm: true })
    expect(pi).toEqual(expect.objectContaining({ status: "succeeded", amount_received: 1000 }))
  })

  it("declines with Stripe's card_error (402) carrying the failed intent", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    const error = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }).catch((e: any) => e)
    expect(error.type).toBe("StripeCardError")
    expect(error.statusCode).toBe(402)
    expect(error.code).toBe("card_declined")
    expect(error.decline_code).toBe("generic_decline")
    expect(error.raw.payment_intent).toEqual(expect.objectContaining({ id: pi.id, status: "requires_payment_method" }))
    expect(error.raw.payment_intent.last_payment_error).toEqual(expect.objectContaining({ code: "card_declined" }))
    expect(fake.listEvents({ type: "payment_intent.payment_failed" })).toHaveLength(1)
  })

  it("3-D Secure: requires_action with next_action, then the challenge decides", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual" })
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_threeDSecure2Required" })
    expect(confirmed.status).toBe("requires_action")
    expect(confirmed.next_action.type).toBe("use_stripe_sdk")
    expect(fake.completeAction(pi.id, "succeed").status).toBe("requires_capture")

    const other = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    await stripe.paymentIntents.confirm(other.id, { payment_method: "pm_card_authenticationRequired" })
    const failed = fake.completeAction(other.id, "fail")
    expect(failed.status).toBe("requires_payment_method")
    expect(failed.last_payment_error).toEqual(expect.objectContaining({ code: "payment_intent_authentication_failure" }))
  })

  it("replays idempotent requests and refuses a key reused with other parameters", async () => {
    const a = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: "k1" })
    const b = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: "k1" })
    expect(b.id).toBe(a.id)
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(fake.intents.size).toBe(1)
    const error = await stripe.paymentIntents.create({ amount: 2000, currency: "usd" }, { idempotencyKey: "k1" }).catch((e: any) => e)
    expect(error.type).toBe("StripeIdempotencyError")
    expect(error.statusCode).toBe(400)
    // Concurrent requests with one key execute once.
    const many = await Promise.all(
      Array.from({ length: 5 }, () => stripe.paymentIntents.create({ amount: 700, currency: "usd" }, { idempotencyKey: "k2" }))
    )
    expect(new Set(many.map((p: any) => p.id)).size).toBe(1)
    expect(fake.requests({ path: /^\/v1\/payment_intents$/, executedOnly: true }).filter((r) => r.status === 200)).toHaveLength(2)
  })

  it("refuses to capture twice and to cancel a succeeded intent, with the intent in the error", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true })
    await stripe.paymentIntents.capture(pi.id)
    const again = await stripe.paymentIntents.capture(pi.id).catch((e: any) => e)
    expect(again.type).toBe("StripeInvalidRequestError")
    expect(again.code).toBe("payment_intent_unexpected_state")
    expect(again.raw.payment_intent.status).toBe("succeeded")
    const cancel = await stripe.paymentIntents.cancel(pi.id).catch((e: any) => e)
    expect(cancel.code).toBe("payment_intent_unexpected_state")
    const open = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    expect((await stripe.paymentIntents.cancel(open.id)).status).toBe("canceled")
  })

  it("refunds partially and fully, then reports charge_already_refunded", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true })
    const r1 = await stripe.refunds.create({ payment_intent: pi.id, amount: 400 })
    expect(r1).toEqual(expect.objectContaining({ object: "refund", amount: 400, status: "succeeded", payment_intent: pi.id }))
    const tooMuch = await stripe.refunds.create({ payment_intent: pi.id, amount: 700 }).catch((e: any) => e)
    expect(tooMuch.code).toBe("amount_too_large")
    await stripe.refunds.create({ payment_intent: pi.id })
    const done = await stripe.refunds.create({ payment_intent: pi.id, amount: 1 }).catch((e: any) => e)
    expect(done.code).toBe("charge_already_refunded")
  })

  it("customers: create, update, list payment methods, delete", async () => {
    const c = await stripe.customers.create({ email: "a@example.com", name: "A B" })
    expect(c.id).toMatch(/^cus_/)
    expect((await stripe.customers.update(c.id, { phone: "+254700000000" })).phone).toBe("+254700000000")
    expect((await stripe.customers.listPaymentMethods(c.id, { limit: 100 })).data).toEqual([])
    expect((await stripe.customers.del(c.id)).deleted).toBe(true)
    const gone = await stripe.customers.retrieve(c.id).catch((e: any) => e)
    expect(gone.statusCode).toBe(404)
    expect(gone.code).toBe("resource_missing")
  })

  it("rejects a missing or non-test key with 401 and unknown objects with 404", async () => {
    const bad = await sdk(fake, "sk_live_nope").paymentIntents.create({ amount: 1000, currency: "usd" }).catch((e: any) => e)
    expect(bad.type).toBe("StripeAuthenticationError")
    const none = await stripe.paymentIntents.retrieve("pi_missing").catch((e: any) => e)
    expect(none.type).toBe("StripeInvalidRequestError")
    expect(none.statusCode).toBe(404)
  })

  it("publishable keys may confirm only with the client secret", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    const browser = sdk(fake, "pk_test_soko")
    const denied = await browser.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" }).catch((e: any) => e)
    expect(denied.statusCode).toBe(401)
    const ok = await browser.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa", client_secret: pi.client_secret })
    expect(ok.status).toBe("succeeded")
  })

  it("injected API errors surface as Stripe's error types", async () => {
    fake.injectError({ match: /^POST \/v1\/payment_intents$/, status: 500, type: "api_error" })
    const e = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }).catch((x: any) => x)
    expect(e.type).toBe("StripeAPIError")
    expect((await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })).status).toBe("requires_payment_method")
  })

  it("signs webhooks so the SDK's constructEvent accepts them, and only with the right secret", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, metadata: { session_id: "s1" } })
    const event = fake.listEvents({ type: "payment_intent.succeeded", paymentIntent: pi.id })[0]
    expect(await fake.deliver(event.id, { times: 3, concurrent: true })).toEqual([200, 200, 200])
    expect(hooks.received).toHaveLength(3)
    const { body, signature } = hooks.received[0]
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    const parsed = StripeSdk.webhooks.constructEvent(body, signature, SECRET, 1e12)
    expect(parsed).toEqual(expect.objectContaining({ id: event.id, type: "payment_intent.succeeded" }))
    expect(parsed.data.object).toEqual(expect.objectContaining({ id: pi.id, metadata: { session_id: "s1" } }))
    expect(() => StripeSdk.webhooks.constructEvent(body, signature, "whsec_other", 1e12)).toThrow(/signature/i)
    // With Stripe's default tolerance (300 s) a signature from the fake's fixed past clock is stale.
    expect(() => StripeSdk.webhooks.constructEvent(body, signature, SECRET)).toThrow(/tolerance/i)
    expect(() => StripeSdk.webhooks.constructEvent(body, fake.sign(body, SECRET, Math.floor(Date.now() / 1000)), SECRET)).not.toThrow()
  })

  it("auto delivery posts each event after the reply", async () => {
    fake.setDelivery("auto")
    try {
      await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
      await fake.settled()
      expect(hooks.received.map((r) => JSON.parse(r.body).type)).toEqual(["payment_intent.created"])
    } finally {
      fake.setDelivery("manual")
    }
  })

  it("stops cleanly and frees its port", async () => {
    const other = await startStripeFake()
    const url = other.url
    await other.stop()
    await expect(fetch(`${url}/v1/payment_intents`)).rejects.toThrow()
  })
})
