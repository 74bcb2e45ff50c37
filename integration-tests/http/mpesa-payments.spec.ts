import net from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

type Simulator = Awaited<ReturnType<typeof startDarajaSimulator>>
let sim: Simulator

const MPESA_ENV = ["MPESA_BASE_URL", "MPESA_CALLBACK_URL", "MPESA_RECONCILE_AFTER_SECONDS", "MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR", "PORT"]
const saved: Record<string, string | undefined> = {}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// The app reads medusa-config when it boots (in the runner's beforeAll), so the
// simulator and the env pointing at it must exist first.
beforeAll(async () => {
  sim = await startDarajaSimulator({ port: 0, callbackDelayMs: 50, ruleLimitWindowMs: 0, callbackRetries: 1, callbackRetryDelayMs: 100 })
  const port = await freePort()
  for (const name of MPESA_ENV) {
    saved[name] = process.env[name]
  }
  Object.assign(process.env, {
    MPESA_BASE_URL: sim.url,
    PORT: String(port),
    MPESA_CALLBACK_URL: `http://localhost:${port}`,
    MPESA_RECONCILE_AFTER_SECONDS: "5",
    MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: "50",
  })
})

afterAll(async () => {
  for (const name of MPESA_ENV) {
    if (saved[name] === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = saved[name]
    }
  }
  await sim?.stop()
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }

    beforeEach(async () => {
      sim.reset()
      const { publishableKey } = await runSeed(getContainer())
      store = { headers: { "x-publishable-api-key": publishableKey } }
    })

    const pushSession = (paymentCollectionId: string, phone: string) =>
      api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_mpesa_mpesa", data: { phone } },
        store
      )

    const status = async (ref: string) => (await api.get(`/store/mpesa/status?${ref}`, store)).data

    const settled = (ref: string) =>
      eventually(async () => {
        const s = await status(ref)
        return s.status === "pending" ? undefined : s
      })

    describe("M-Pesa through the store API", () => {
      it("offers M-Pesa in Kenya: push, order awaiting, callback, paid with receipt", async () => {
        const { data: providers } = await api.get(
          `/store/payment-providers?region_id=${(await api.get("/store/regions", store)).data.regions.find((r: any) => r.currency_code === "kes").id}`,
          store
        )
        expect(providers.payment_providers.map((p: { id: string }) => p.id)).toContain("pp_mpesa_mpesa")

        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store, { quantity: 2 })
        const { data } = await pushSession(paymentCollectionId, "0708374149")
        const session = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_mpesa_mpesa")
        expect(session.data).toEqual(
          expect.objectContaining({ status: "pending", msisdn: "254708374149", amount_kes: 3350 })
        )
        const serialized = JSON.stringify(session.data)
        for (const secret of ["soko-simulator", "bfb279f9aa9bdbcf", "Password", "consumer"]) {
          expect(serialized).not.toContain(secret)
        }

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const orderId = completed.order.id

        const final = await settled(`order_id=${orderId}`)
        expect(final).toEqual(
          expect.objectContaining({ status: "paid", amount_kes: 3350, order_id: orderId, can_retry: false })
        )
        expect(final.receipt).toMatch(/^[A-Z0-9]{10}$/)

        const admin = await adminHeaders(getContainer(), api)
        const order = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
          return data.order.payment_status === "captured" ? data.order : undefined
        })
        expect(order.payment_status).toBe("captured")
      })

      it("a cancelled prompt fails with the reason; a retry on the same cart pays it; one order", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0700000001")
        const failed = await settled(`cart_id=${cartId}`)
        expect(failed).toEqual(expect.objectContaining({ status: "cancelled", can_retry: true }))
        expect(failed.shopper_message).toMatch(/cancel/i)

        const { data: retried } = await api.post("/store/mpesa/retry", { cart_id: cartId, phone: "0708374149" }, store)
        expect(retried.status).toBe("pending")
        expect((await settled(`cart_id=${cartId}`)).status).toBe("paid")

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const admin = await adminHeaders(getContainer(), api)
        const { data } = await api.get(`/admin/orders/${completed.order.id}?fields=id,payment_status`, admin)
        expect(data.order.payment_status).toBe("captured")
        const again = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(again.data.order?.id ?? again.data.type).toBe(completed.order.id)
      })

      it("rejects a phone that is not a Kenyan mobile with a 400 naming it, before any push", async () => {
        const { paymentCollectionId } = await cartReadyForPayment(api, store)
        const error = await pushSession(paymentCollectionId, "0202345678").catch((e) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/0202345678 is not a Kenyan mobile number/)
        expect(sim.listRequests({ endpoint: "stkpush" })).toHaveLength(0)
      })
    })
  },
})
