import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { Modules } from "@medusajs/framework/utils"
import {
  logged,
  medusaNotifications,
  placeOrder,
  seedAndSettle,
  settled,
  useProviderFakes,
} from "../helpers/notifications"
import { sendEventNotificationsWorkflow } from "../../plugins/notifications/src/workflows/send-event-notifications"
import { orderTokenFor } from "@soko/medusa-plugin-mpesa/lib/order-link"
import { adminHeaders } from "../helpers/admin"

jest.setTimeout(180_000)

// SendGrid for email, Africa's Talking for SMS, both local fakes speaking the real APIs.
const fakes = useProviderFakes(
  { email: "sendgrid", sms: "africastalking" },
  {
    SOKO_MERCHANT_EMAIL: "merchant@soko.test",
    SOKO_MERCHANT_PHONE: "0700 000 001",
    SOKO_STOREFRONT_URL: "https://shop.soko.test",
  }
)

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    // Seeded once (the demo customer's welcome messages settled): the runner snapshots the database
    // after beforeAll and restores it before every test, so a test's own seed call finds nothing to do.
    beforeAll(() => seedAndSettle(getContainer()))
    beforeEach(() => {
      fakes.sendgrid!.reset()
      fakes.at!.reset()
    })

    describe("order placed", () => {
      it("emails and texts the customer and alerts the merchant, each once, through the providers", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container, { email: "achieng@example.com" })
        const messages = await settled(container, { order_id: order.id }, 4)
        expect(messages.map((m) => [m.template, m.channel, m.to, m.status, m.audience]).sort()).toEqual([
          ["merchant-new-order", "email", "merchant@soko.test", "sent", "merchant"],
          ["merchant-new-order", "sms", "+254700000001", "sent", "merchant"],
          ["order-placed", "email", "achieng@example.com", "sent", "customer"],
          ["order-placed", "sms", "+254712345678", "sent", "customer"],
        ])

        // The seed's demo customer signed up too: that is the welcome email.
        const emails = fakes.sendgrid!.messages().filter((e) => e.to[0] !== "demo@example.com")
        expect(emails.map((e) => e.to[0]).sort()).toEqual(["achieng@example.com", "merchant@soko.test"])
        const customerEmail = emails.find((e) => e.to[0] === "achieng@example.com")!
        expect(customerEmail.subject).toBe(`Order #${order.display_id} confirmed`)
        expect(customerEmail.from).toBe("shop@soko.test")
        expect(customerEmail.text).toContain("Thank you for your order, Achieng!")
        expect(customerEmail.text).toContain("Total: KES ")
        // A guest follows it from any device: the order page with the token the M-Pesa plugin checks.
        expect(customerEmail.html).toContain(`https://shop.soko.test/ke/order/${order.id}/confirmed?token=${orderTokenFor(getContainer(), order.id)}`)
        expect(customerEmail.customArgs.soko_notification).toMatch(/^order\.placed:/)

        const texts = fakes.at!.messages().filter((t) => t.to !== "+254708374149")
        expect(texts.map((t) => t.to).sort()).toEqual(["+254700000001", "+254712345678"])
        const customerSms = texts.find((t) => t.to === "+254712345678")!
        expect(customerSms.text).toMatch(new RegExp(`Soko Demo Shop: Thank you Achieng! Order #${order.display_id} \\(KES [\\d,]+\\) is confirmed`))
        expect(customerSms).toEqual(expect.objectContaining({ from: "SOKO", encoding: "GSM-7", parts: 1 }))

        // Medusa's Notification Module has one successful row per message, keyed like ours.
        const medusa = await medusaNotifications(container, { resource_id: order.id })
        expect(medusa.filter((n) => n.status === "success")).toHaveLength(4)
        expect(medusa.map((n) => n.idempotency_key).sort()).toEqual(messages.map((m) => m.idempotency_key).sort())
        // No second order email from Medusa's built-in order-created-template.
        expect(await medusaNotifications(container, { template: "order-created-template" })).toEqual([])
      })
    })

    describe("payment, shipping, delivery", () => {
      it("sends payment received, shipped and delivered to the right channels", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 4)

        const { data } = await api.get(`/admin/orders/${order.id}?fields=id,payment_collections.payments.id`, admin)
        const paymentId = data.order.payment_collections[0].payments[0].id
        await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
        const paid = await settled(container, { order_id: order.id, template: "payment-received" }, 2)
        expect(paid.map((m) => m.channel).sort()).toEqual(["email", "sms"])

        const items = order.items.map((i) => ({ id: i.id, quantity: i.quantity }))
        const { data: fulfilled } = await api
          .post(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, { items }, admin)
          .catch((e: { response: { data: unknown } }) => {
            throw new Error(JSON.stringify(e.response.data))
          })
        const fulfillmentId = fulfilled.order.fulfillments[0].id
        await api.post(
          `/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`,
          { items, labels: [{ tracking_number: "G4S-889231", tracking_url: "https://track.example.com/G4S-889231", label_url: "https://track.example.com/label" }] },
          admin
        )
        const shipped = await settled(container, { order_id: order.id, template: "order-shipped" }, 2)
        expect(shipped.find((m) => m.channel === "sms")!.body_text).toContain("Tracking: G4S-889231")
        expect(shipped.find((m) => m.channel === "email")!.body_html).toContain("https://track.example.com/G4S-889231")

        await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
        await settled(container, { order_id: order.id, template: "order-delivered" }, 2)

        const all = await logged(container, { order_id: order.id })
        const sent = all.filter((m) => m.audience === "customer").map((m) => `${m.template}:${m.channel}`).sort()
        expect(sent).toEqual([
          "order-delivered:email",
          "order-delivered:sms",
          "order-placed:email",
          "order-placed:sms",
          "order-shipped:email",
          "order-shipped:sms",
          "payment-received:email",
          "payment-received:sms",
        ])
        expect(all.every((m) => m.status === "sent")).toBe(true)
        // Each went out once on the wire.
        expect(fakes.at!.messages().filter((t) => t.to === "+254712345678")).toHaveLength(4)
        expect(fakes.sendgrid!.messages().filter((e) => e.to[0] === "achieng@example.com")).toHaveLength(4)
      })
    })

    describe("payment failed, refund, cancellation", () => {
      it("a failed M-Pesa payment (Soko M-Pesa's payload: session id and reason) says why and how to pay again", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 4)
        const { data } = await api.get(`/admin/orders/${order.id}?fields=id,payment_collections.payment_sessions.id`, admin)
        const sessionId = data.order.payment_collections[0].payment_sessions[0].id
        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit({
          name: "payment.failed",
          data: { id: sessionId, payment_session_id: sessionId, provider: "mpesa", result_code: 1032, reason: "Request cancelled by user" },
        })
        const failed = await settled(container, { order_id: order.id, template: "payment-failed" }, 2)
        const sms = failed.find((m) => m.channel === "sms")!
        // The link is kept whole; the reason is shortened to keep the SMS short.
        expect(sms.body_text).toMatch(new RegExp(`^Soko Demo Shop: Payment for order #${order.display_id} failed \\(Request cancel[^)]*\\)\\. Pay again: `))
        expect(sms.body_text!.endsWith(`https://shop.soko.test/ke/order/${order.id}/confirmed?token=${orderTokenFor(container, order.id)}`)).toBe(true)
        // The guest's signed order link alone is ~120 characters: a working "pay again" link is worth a second part.
        expect(sms.meta).toEqual(expect.objectContaining({ parts: 2 }))
        const email = fakes.sendgrid!.messages().find((m) => m.subject?.includes("did not go through"))!
        expect(email.text).toContain("Request cancelled by user")
        expect(email.text).toContain(`Pay again: https://shop.soko.test/ke/order/${order.id}/confirmed?token=${orderTokenFor(container, order.id)}`)
        // A payment failure that cannot be tied to an order (e.g. before checkout completed) sends nothing.
        for (const data of [{ id: "payses_unknown", reason: "x" }, { reason: "no ids at all" }]) {
          const { result } = await sendEventNotificationsWorkflow(container).run({ input: { event_name: "payment.failed", data } })
          expect(result).toEqual([])
        }
        expect(await logged(container, { template: "payment-failed" })).toHaveLength(2)
      })

      it("a refund tells the customer the amount; a cancellation says so", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 4)
        const { data } = await api.get(`/admin/orders/${order.id}?fields=id,payment_collections.payments.id`, admin)
        const paymentId = data.order.payment_collections[0].payments[0].id
        await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
        await settled(container, { order_id: order.id, template: "payment-received" }, 2)
        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 500 }, admin)
        const refunded = await settled(container, { order_id: order.id, template: "order-refunded" }, 2)
        expect(refunded.find((m) => m.channel === "sms")!.body_text).toBe(
          `Soko Demo Shop: We refunded KES 500 for order #${order.display_id}. It can take a few days to reach you.`
        )

        const second = await placeOrder(api, container)
        await settled(container, { order_id: second.order.id }, 4)
        await api.post(`/admin/orders/${second.order.id}/cancel`, {}, admin)
        const cancelled = await settled(container, { order_id: second.order.id, template: "order-cancelled" }, 2)
        expect(cancelled.map((m) => m.channel).sort()).toEqual(["email", "sms"])
        expect(cancelled.find((m) => m.channel === "email")!.subject).toBe(`Order #${second.order.display_id} was cancelled`)
      })
    })
  },
})
