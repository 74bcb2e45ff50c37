/**
 * @soko/medusa-plugin-mpesa, installed from its tarball into a new Medusa
 * 2.21.2 app (nothing else of Soko), registered as its README says, paying
 * against the Daraja simulator (packages/daraja-simulator) on port 9610.
 */
import path from "node:path"
import { packagingAndAdminTests, ranFromTarballTest } from "./helpers/common-tests"
import { installPlugin, type Installed } from "./helpers/install"
import { ROOT } from "./helpers/scratch-app"
import { cartReadyForPayment, eventually } from "./helpers/shop"

const SIMULATOR_PORT = 9610
const SANDBOX_SHORTCODE = "174379"
const SANDBOX_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
/** Safaricom's sandbox test number: the simulator's scripted success. */
const PAYING_PHONE = "254708374149"

type Simulator = { url: string; stop: () => Promise<void> }
let simulator: Simulator
let installed: Installed

beforeAll(async () => {
  const { startDarajaSimulator, silentLogger } = require(path.join(ROOT, "packages", "daraja-simulator", "dist", "index.js"))
  simulator = (await startDarajaSimulator({
    port: SIMULATOR_PORT,
    host: "127.0.0.1",
    callbackDelayMs: 1000,
    logger: silentLogger,
  })) as Simulator
  installed = await installPlugin({
    dir: "mpesa",
    port: 9601,
    paymentProviders: ["pp_mpesa_mpesa"],
    env: {
      MPESA_CONSUMER_KEY: "install-test-key",
      MPESA_CONSUMER_SECRET: "install-test-secret",
      MPESA_SHORTCODE: SANDBOX_SHORTCODE,
      MPESA_PASSKEY: SANDBOX_PASSKEY,
      MPESA_BASE_URL: simulator.url,
      MPESA_CALLBACK_SECRET: "install-test-callback-secret-0123",
    },
  })
})

afterAll(async () => {
  await installed?.app.dispose()
  await simulator?.stop()
})

describe("@soko/medusa-plugin-mpesa installed from its tarball into a new Medusa 2.21.2 app", () => {
  packagingAndAdminTests(() => installed, ["/admin/mpesa/transactions", "/mpesa/resend"])

  it("pays a KES cart with an STK Push through the Daraja simulator and captures the order's payment", async () => {
    const { admin, store, shop } = installed
    const { cartId, paymentCollectionId } = await cartReadyForPayment(store, shop, "shopper.mpesa@install.test")

    const { payment_collection } = await store.post(`/store/payment-collections/${paymentCollectionId}/payment-sessions`, {
      provider_id: "pp_mpesa_mpesa",
      data: { phone: "0708374149" },
    })
    const session = payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === "pp_mpesa_mpesa")
    expect(session).toBeDefined()
    // What the storefront sees: a reference to the checkout request, no secrets, no phone number
    // (Daraja's CheckoutRequestID ends with the phone's last nine digits, so it is sealed).
    expect(session.data.checkout_ref).toEqual(expect.any(String))
    expect(session.data.checkout_request_id).toBeUndefined()
    const sessionJson = JSON.stringify(session.data)
    for (const secret of ["install-test-secret", SANDBOX_PASSKEY, "install-test-callback-secret-0123", "708374149"]) {
      expect(sessionJson).not.toContain(secret)
    }

    // The shopper places the order while the prompt is on the phone.
    const completed = await store.post(`/store/carts/${cartId}/complete`)
    expect(completed.type).toBe("order")
    const orderId = completed.order.id as string

    // The simulator pays (scripted success for 254708374149) and calls back; the plugin confirms and captures.
    const order = await eventually("order payment captured", async () => {
      const { order } = await admin.get(`/admin/orders/${orderId}?fields=id,payment_status,total,*payment_collections.payments`)
      return order.payment_status === "captured" ? order : undefined
    })
    expect(order.payment_collections[0].payments[0]).toMatchObject({ provider_id: "pp_mpesa_mpesa" })
    expect(Number(order.payment_collections[0].payments[0].amount)).toBe(1700)

    const status = await store.get(`/store/mpesa/status?cart_id=${cartId}`)
    expect(status).toMatchObject({ status: "paid", amount_kes: 1700 })
    expect(status.receipt).toEqual(expect.any(String))
    expect(status.phone_masked).not.toContain(PAYING_PHONE)

    const { order: mpesa } = await admin.get(`/admin/orders/${orderId}/mpesa`).then((body) => ({ order: body }))
    expect(JSON.stringify(mpesa)).toContain(status.receipt)
  })

  ranFromTarballTest(() => installed)
})
