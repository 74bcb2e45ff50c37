/**
 * @soko/medusa-plugin-notifications, installed from its tarball into a new
 * Medusa 2.21.2 app (nothing else of Soko), registered as its README says
 * (with the plugin's capture provider for email and SMS).
 */
import { packagingAndAdminTests, ranFromTarballTest } from "./helpers/common-tests"
import { installPlugin, type Installed } from "./helpers/install"
import { eventually, placeOrderWithSystemPayment } from "./helpers/shop"

let installed: Installed

beforeAll(async () => {
  installed = await installPlugin({
    dir: "notifications",
    port: 9603,
    paymentProviders: ["pp_system_default"],
    env: { STOREFRONT_URL: "http://localhost:8000", MERCHANT_EMAIL: "merchant@install.test" },
  })
})

afterAll(async () => {
  await installed?.app.dispose()
})

type Message = { template: string; channel: string; status: string; to: string; audience: string; subject: string | null; body_text: string | null }

describe("@soko/medusa-plugin-notifications installed from its tarball into a new Medusa 2.21.2 app", () => {
  packagingAndAdminTests(() => installed, ["/admin/notification-templates/preview", "/notification-log"])

  it("sends the order-placed email and SMS through the capture provider when an order is placed", async () => {
    const { admin, store, shop } = installed
    const email = "shopper.notify@install.test"
    const order = await placeOrderWithSystemPayment(store, shop, email)

    const messages = await eventually("order-placed email and SMS sent", async () => {
      const { messages } = (await admin.get(`/admin/orders/${order.id}/notification-log`)) as { messages: Message[] }
      const placed = messages.filter((m) => m.template === "order-placed")
      return placed.length === 2 && placed.every((m) => m.status === "sent") ? messages : undefined
    })
    const email_ = messages.find((m) => m.template === "order-placed" && m.channel === "email")!
    const sms = messages.find((m) => m.template === "order-placed" && m.channel === "sms")!
    expect(email_).toMatchObject({ to: email, status: "sent" })
    expect(email_.subject).toContain(String(order.display_id))
    // The shipping address phone 0712345678, normalised.
    expect(sms).toMatchObject({ to: "+254712345678", status: "sent" })
    expect(sms.body_text).toContain(String(order.display_id))

    // Medusa's Notification Module recorded both sends through the capture provider.
    const { notifications } = await admin.get(`/admin/notifications?limit=50`)
    const recorded = notifications.filter((n: { to: string }) => n.to === email || n.to === "+254712345678")
    expect(recorded.map((n: { channel: string }) => n.channel).sort()).toEqual(["email", "sms"])
  })

  ranFromTarballTest(() => installed)
})
