/**
 * @soko/medusa-plugin-order-rules, installed from its tarball into a new
 * Medusa 2.21.2 app (nothing else of Soko), registered as its README says.
 */
import { packagingAndAdminTests, ranFromTarballTest } from "./helpers/common-tests"
import { installPlugin, type Installed } from "./helpers/install"
import { eventually, placeOrderWithSystemPayment } from "./helpers/shop"

let installed: Installed

beforeAll(async () => {
  installed = await installPlugin({ dir: "order-rules", port: 9602, paymentProviders: ["pp_system_default"] })
})

afterAll(async () => {
  await installed?.app.dispose()
})

describe("@soko/medusa-plugin-order-rules installed from its tarball into a new Medusa 2.21.2 app", () => {
  packagingAndAdminTests(() => installed, ["/admin/order-rules/validate", "/lifecycle/history"])

  it("tracks a placed order's status, moves it through the admin API and shows it to the guest", async () => {
    const { admin, store, shop } = installed
    const email = "guest.rules@install.test"
    const order = await placeOrderWithSystemPayment(store, shop, email)

    // order.placed → the initial status, from the plugin's subscriber.
    const initial = await eventually("initial lifecycle", async () => {
      const { order_lifecycle } = await admin.get(`/admin/orders/${order.id}/lifecycle`)
      return order_lifecycle.status ? order_lifecycle : undefined
    })
    expect(initial.status).toBe("awaiting_payment")

    // Medusa's own capture → payment.captured → "paid" (automatic transition).
    const { order: withPayments } = await admin.get(`/admin/orders/${order.id}?fields=id,*payment_collections.payments`)
    const paymentId = withPayments.payment_collections[0].payments[0].id
    await admin.post(`/admin/payments/${paymentId}/capture`, {})
    await eventually("paid after capture", async () => {
      const { order_lifecycle } = await admin.get(`/admin/orders/${order.id}/lifecycle`)
      return order_lifecycle.status === "paid" ? order_lifecycle : undefined
    })

    // A merchant's status change through the plugin's admin API.
    const changed = await admin.post(`/admin/orders/${order.id}/lifecycle`, {
      status: "processing",
      reason: "Packing",
      idempotency_key: `install-test-${order.id}`,
    })
    expect(changed.order_lifecycle).toMatchObject({ order_id: order.id, status: "processing" })

    // An illegal one is refused with the legal next states, not a 500.
    const illegal = await admin.raw("POST", `/admin/orders/${order.id}/lifecycle`, { status: "delivered" })
    expect(illegal.status).toBe(400)
    // Nothing is shipped yet, so from "processing" an admin may only cancel.
    expect(illegal.body).toMatchObject({ from: "processing", allowed_next: ["cancelled"] })
    expect(illegal.body.message).toEqual(expect.any(String))

    const { history } = await admin.get(`/admin/orders/${order.id}/lifecycle/history`)
    expect(history.map((h: { to: string }) => h.to)).toEqual(["awaiting_payment", "paid", "processing"])

    // The guest looks the order up with its number and email, no account.
    const tracked = await store.post("/store/order-tracking", { display_id: order.display_id, email })
    expect(tracked.order_tracking).toMatchObject({ display_id: order.display_id, status: "processing" })
    expect(tracked.order_tracking.items).toEqual([expect.objectContaining({ title: expect.any(String), quantity: 1 })])
    const wrongEmail = await store.raw("POST", "/store/order-tracking", { display_id: order.display_id, email: "someone@else.test" })
    expect(wrongEmail.status).toBe(404)
  })

  ranFromTarballTest(() => installed)
})
