import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { mpesaProviderOptions } from "@soko/medusa-plugin-mpesa/lib/provider-options"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { checkoutIdOf, useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

// Issue 15, cases 2 and 7: M-Pesa prompts only for an open cart's holder,
// limits that protect shoppers, and status/retry only for the payment's holder.

jest.setTimeout(180_000)

let sim: Simulator

const PER_PHONE = 3
const PER_CART = 4
const RECONCILE_AFTER_SECONDS = 5

const simulator = useDarajaSimulator({
  MPESA_RECONCILE_AFTER_SECONDS: String(RECONCILE_AFTER_SECONDS),
  MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: String(PER_PHONE),
  MPESA_MAX_PUSHES_PER_CART_PER_HOUR: String(PER_CART),
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string

    // Seeded once: the runner snapshots the database after beforeAll and restores it before every test.
    beforeAll(async () => {
      publishableKey = (await runSeed(getContainer())).publishableKey
    })
    beforeEach(() => {
      sim = simulator()
      sim.reset()
    })

    // Medusa trusts one proxy hop, so X-Forwarded-For is the client address;
    // each test speaks from its own, since limiter counts can outlive a test (Redis).
    const from = (client: string) => ({ headers: { "x-publishable-api-key": publishableKey, "x-forwarded-for": client } })

    const push = (paymentCollectionId: string, phone: string, client: string) =>
      api
        .post(`/store/payment-collections/${paymentCollectionId}/payment-sessions`, { provider_id: "pp_mpesa_mpesa", data: { phone } }, from(client))
        .catch((e: any) => e.response)

    const get = (url: string, client: string) => api.get(url, from(client)).catch((e: any) => e.response)
    const post = (url: string, body: unknown, client: string) => api.post(url, body, from(client)).catch((e: any) => e.response)

    const pushes = () => sim.listRequests({ endpoint: "stkpush" })
    const acceptedPushes = () => pushes().filter((r) => r.status === 200)
    const pushedPhones = () => pushes().map((r) => String((r.body as { PhoneNumber?: unknown })?.PhoneNumber))

    const settledByCart = (cartId: string, client: string) =>
      eventually(async () => {
        const { data } = await get(`/store/mpesa/status?cart_id=${cartId}`, client)
        return data?.status && data.status !== "pending" ? data : undefined
      })

    describe("who can make a phone ring (case 2)", () => {
      it("a made-up payment collection gets a 4xx, no prompt, and the victim's own checkout still works", async () => {
        const client = "10.15.2.1"
        const victim = "254711500001"
        for (let i = 0; i < PER_PHONE + 2; i++) {
          const res = await push(`pay_col_madeup${i}`, victim, client)
          expect(res.status).toBe(404)
          expect(res.data.message).toMatch(/No open cart/)
        }
        // Junk in the id is not found either, never a 500.
        expect((await push("pay_col_%00%27", victim, client)).status).toBe(404)
        expect(pushes()).toHaveLength(0)

        const { paymentCollectionId } = await cartReadyForPayment(api, from(client))
        const own = await push(paymentCollectionId, victim, "10.15.2.2")
        expect(own.status).toBe(200)
        expect(acceptedPushes()).toHaveLength(1)
      })

      it("refused pushes and 409s use no slots; past the phone limit a 429 with Retry-After", async () => {
        const client = "10.15.2.3"
        const phone = "254711500002"
        // Prompts to this phone settle (cancelled) 50 ms after each push, so the next can go.
        sim.setOutcome(phone, { resultCode: 1032 })
        const { paymentCollectionId, cartId } = await cartReadyForPayment(api, from(client))
        sim.addOverride({ endpoint: "stkpush", phone, times: PER_PHONE + 1, fault: { status: 500, errorCode: "500.003.02", errorMessage: "Spike Arrest Violation" } })
        for (let i = 0; i < PER_PHONE + 1; i++) {
          const refused = await push(paymentCollectionId, phone, client)
          expect(refused.status).toBeGreaterThanOrEqual(400)
          expect(refused.status).toBeLessThan(500)
        }

        // One push held open by a slow Daraja; the second meanwhile gets 409.
        sim.addOverride({ endpoint: "stkpush", phone, latencyMs: 1500 })
        const slow = push(paymentCollectionId, phone, client)
        await sleep(500)
        const busy = await push(paymentCollectionId, phone, client)
        expect(busy.status).toBe(409)
        expect((await slow).status).toBe(200)
        await settledByCart(cartId, client)

        // The phone's whole allowance is still there.
        for (let i = 1; i < PER_PHONE; i++) {
          await sleep(200)
          expect((await push(paymentCollectionId, phone, client)).status).toBe(200)
          await settledByCart(cartId, client)
        }
        expect(acceptedPushes()).toHaveLength(PER_PHONE)
        const limited = await push(paymentCollectionId, phone, client)
        expect(limited.status).toBe(429)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
        expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(3600)
        expect(limited.data.message).toMatch(/Too many M-Pesa prompts were sent to this phone.*try again in/)
        expect(acceptedPushes()).toHaveLength(PER_PHONE)
      })

      it("concurrent pushes for one cart never get past its limit", async () => {
        const client = "10.15.2.4"
        const { paymentCollectionId } = await cartReadyForPayment(api, from(client))
        const phones = Array.from({ length: PER_CART * 2 }, (_, i) => `2547115001${String(i).padStart(2, "0")}`)
        const answers = await Promise.all(phones.map((phone) => push(paymentCollectionId, phone, client)))
        const ok = answers.filter((a) => a.status === 200)
        const limited = answers.filter((a) => a.status === 429)
        expect(ok.length).toBeLessThanOrEqual(PER_CART)
        expect(acceptedPushes().length).toBeLessThanOrEqual(PER_CART)
        expect(limited.length).toBeGreaterThanOrEqual(PER_CART)
        expect(limited[0].headers["retry-after"]).toBeDefined()
        expect(limited[0].data.message).toMatch(/for this order/)
      })

      it("limits one client address across phones and carts, with a 429 and Retry-After", async () => {
        const client = "10.15.2.5"
        const limit = mpesaProviderOptions(getContainer()).maxPushesPerClientPerHour
        let sent = 0
        let cart = await cartReadyForPayment(api, from(client))
        while (sent < limit) {
          if (sent > 0 && sent % PER_CART === 0) {
            cart = await cartReadyForPayment(api, from(client))
          }
          const res = await push(cart.paymentCollectionId, `2547225${String(sent).padStart(5, "0")}`, client)
          expect(res.status).toBe(200)
          sent += 1
        }
        const fresh = await cartReadyForPayment(api, from(client))
        const limited = await push(fresh.paymentCollectionId, "254722599999", client)
        expect(limited.status).toBe(429)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
        expect(limited.data.message).toMatch(/from your network/)
        expect(acceptedPushes()).toHaveLength(limit)
        // Another shopper, elsewhere, is not affected.
        expect((await push(fresh.paymentCollectionId, "254722599999", "10.15.2.6")).status).toBe(200)
      })
    })

    describe("status and retry for the payment's holder only (case 7)", () => {
      /** A guest order whose prompt was cancelled, and what its cart holder learns. */
      const cancelledOrder = async (client: string, phone = "254700000001") => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, from(client))
        // The shopper places the order while the prompt is open, then cancels it on the phone.
        sim.updateSettings({ callbackDelayMs: 2500 })
        expect((await push(paymentCollectionId, phone, client)).status).toBe(200)
        const { data: completed } = await post(`/store/carts/${cartId}/complete`, {}, client)
        expect(completed.type).toBe("order")
        const byCart = await settledByCart(cartId, client)
        return { cartId, paymentCollectionId, orderId: completed.order.id as string, byCart }
      }

      it("by order id: 404 without proof, the full status with the link token; bad ids are 400", async () => {
        const client = "10.15.7.1"
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, from(client))
        await push(paymentCollectionId, "254708374149", client)
        const paid = await settledByCart(cartId, client)
        expect(paid.status).toBe("paid")
        const { data: completed } = await post(`/store/carts/${cartId}/complete`, {}, client)
        const orderId = completed.order.id
        const { data: byCart } = await get(`/store/mpesa/status?cart_id=${cartId}`, client)
        expect(byCart).toEqual(expect.objectContaining({ status: "paid", order_id: orderId, order_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) }))

        const stranger = await get(`/store/mpesa/status?order_id=${orderId}`, "10.15.7.66")
        expect(stranger.status).toBe(404)
        expect(JSON.stringify(stranger.data)).not.toMatch(/receipt|amount|paid|2547/)
        const forged = await get(`/store/mpesa/status?order_id=${orderId}&token=${"A".repeat(43)}`, "10.15.7.66")
        expect(forged.status).toBe(404)

        const holder = await get(`/store/mpesa/status?order_id=${orderId}&token=${byCart.order_token}`, "10.15.7.2")
        expect(holder.status).toBe(200)
        expect(holder.data).toEqual(expect.objectContaining({ status: "paid", order_id: orderId, receipt: paid.receipt, amount_kes: paid.amount_kes }))

        for (const bad of ["order_id=%00", "order_id=order%00x", "cart_id=%0a", `order_id=${orderId}&token=%00`]) {
          const res = await get(`/store/mpesa/status?${bad}`, client)
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/must be|token/)
        }
      })

      it("retry by order id: a stranger gets 404 and no phone rings; the link holder re-sends to the same phone only", async () => {
        const client = "10.15.7.3"
        const { orderId, cartId, paymentCollectionId, byCart } = await cancelledOrder(client)
        expect(byCart.status).toBe("cancelled")
        const before = pushes().length

        const stranger = await post("/store/mpesa/retry", { order_id: orderId, phone: "0799000111" }, "10.15.7.66")
        expect(stranger.status).toBe(404)
        const strangerSame = await post("/store/mpesa/retry", { order_id: orderId }, "10.15.7.66")
        expect(strangerSame.status).toBe(404)
        // The order's payment collection cannot be re-pushed through Medusa's route either.
        const replace = await push(paymentCollectionId, "0799000111", "10.15.7.66")
        expect(replace.status).toBe(400)
        expect(replace.data.message).toMatch(/already an order/)

        const otherPhone = await post("/store/mpesa/retry", { order_id: orderId, token: byCart.order_token, phone: "0799000111" }, client)
        expect(otherPhone.status).toBe(400)
        expect(otherPhone.data.message).toMatch(/same phone|Sign in/)
        const cartAfterOrder = await post("/store/mpesa/retry", { cart_id: cartId, phone: "0799000111" }, client)
        expect(cartAfterOrder.status).toBeGreaterThanOrEqual(400)
        expect(cartAfterOrder.status).toBeLessThan(500)
        expect(pushes()).toHaveLength(before)
        expect(pushedPhones()).not.toContain("254799000111")

        // The page asks the backend whether to offer a number field: not to a link holder.
        const shown = await get(`/store/mpesa/status?order_id=${orderId}&token=${byCart.order_token}`, client)
        expect(shown.data).toEqual(expect.objectContaining({ can_retry: true, can_change_phone: false }))

        const same = await post("/store/mpesa/retry", { order_id: orderId, token: byCart.order_token }, client)
        expect(same.status).toBe(200)
        expect(same.data).toEqual(expect.objectContaining({ status: "pending", can_change_phone: false }))
        expect(pushedPhones().slice(before)).toEqual(["254700000001"])

        const nul = await post("/store/mpesa/retry", { order_id: "order\u0000x" }, client)
        expect(nul.status).toBe(400)
      })

      it("the order's signed-in customer needs no token and may use another phone; another customer gets 404", async () => {
        const client = "10.15.7.5"
        const signIn = async (email: string) => {
          const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password: "supersecret1" })
          await api.post("/store/customers", { email }, { headers: { ...from(client).headers, authorization: `Bearer ${reg.token}` } })
          const { data } = await api.post("/auth/customer/emailpass", { email, password: "supersecret1" })
          return { headers: { ...from(client).headers, authorization: `Bearer ${data.token}` } }
        }
        const owner = await signIn("owner@example.com")
        const other = await signIn("other@example.com")
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, owner, { email: "owner@example.com" })
        sim.updateSettings({ callbackDelayMs: 2500 })
        expect((await push(paymentCollectionId, "254700000001", client)).status).toBe(200)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, owner)
        await settledByCart(cartId, client)
        const orderId = completed.order.id

        const mine = await api.get(`/store/mpesa/status?order_id=${orderId}`, owner)
        expect(mine.data).toEqual(expect.objectContaining({ status: "cancelled", order_id: orderId, can_change_phone: true }))
        const theirs = await api.get(`/store/mpesa/status?order_id=${orderId}`, other).catch((e: any) => e.response)
        expect(theirs.status).toBe(404)
        const theirRetry = await api.post("/store/mpesa/retry", { order_id: orderId, phone: "0799000222" }, other).catch((e: any) => e.response)
        expect(theirRetry.status).toBe(404)
        expect(pushedPhones()).not.toContain("254799000222")

        const { data: retried } = await api.post("/store/mpesa/retry", { order_id: orderId, phone: "0799000333" }, owner)
        expect(retried.status).toBe("pending")
        expect(pushedPhones().at(-1)).toBe("254799000333")
      })

      it("many tabs polling an overdue prompt: one STK Query per window, and the GET writes nothing", async () => {
        const client = "10.15.7.4"
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, from(client))
        // An interactive number: the prompt stays open on the "phone" for a minute.
        const { data } = await push(paymentCollectionId, "254733500001", client)
        const checkoutId = checkoutIdOf(getContainer(), data.payment_collection.payment_sessions[0].data)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // The worker's check notes when it asked STK Query (reconciliation bookkeeping); nothing else may change.
        const snapshot = async () => ({
          requests: (await pg.raw("select * from mpesa_stk_request order by id")).rows.map(
            ({ last_queried_at: _q, query_failures: _f, next_check_at: _n, updated_at: _u, ...row }: Record<string, unknown>) => row
          ),
          sessions: (await pg.raw("select id, status, data, updated_at from payment_session order by id")).rows,
          attempts: (await pg.raw("select count(*)::int as n from mpesa_push_attempt")).rows[0].n,
        })
        await eventually(async () => ((await snapshot()).requests.length === 1 ? true : undefined))
        // Past the reconciliation delay, and clear of the every-minute job (second 0).
        await sleep(RECONCILE_AFTER_SECONDS * 1000 + 200)
        while (new Date().getSeconds() < 3 || new Date().getSeconds() > 45) {
          await sleep(500)
        }
        const queries = () =>
          sim.listRequests({ endpoint: "stkquery" }).filter((r) => (r.body as { CheckoutRequestID?: string })?.CheckoutRequestID === checkoutId)
        const before = await snapshot()
        const queriedBefore = queries().length

        const polls = await Promise.all(Array.from({ length: 8 }, () => get(`/store/mpesa/status?cart_id=${cartId}`, client)))
        expect(polls.map((p) => p.status)).toEqual(Array(8).fill(200))
        expect(polls.every((p) => p.data.status === "pending")).toBe(true)
        await eventually(async () => (queries().length > queriedBefore ? true : undefined))
        await sleep(1500)
        for (let i = 0; i < 3; i++) {
          expect((await get(`/store/mpesa/status?cart_id=${cartId}`, client)).status).toBe(200)
        }
        expect(queries().length - queriedBefore).toBe(1)
        // Still pending on the phone: the worker's check changed nothing but its bookkeeping, and the GETs wrote nothing.
        expect(await snapshot()).toEqual(before)
        const [row] = (await pg.raw("select last_queried_at, query_failures from mpesa_stk_request")).rows
        expect(row).toEqual({ last_queried_at: expect.any(Date), query_failures: 0 })
      })
    })
  },
})
