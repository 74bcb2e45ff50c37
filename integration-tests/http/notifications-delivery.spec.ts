import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { Modules } from "@medusajs/framework/utils"
import {
  DEMO_PHONE,
  eventually,
  logged,
  medusaNotifications,
  placeOrder,
  seedAndSettle,
  settled,
  useProviderFakes,
} from "../helpers/notifications"
import { sendEventNotificationsWorkflow } from "../../plugins/notifications/src/workflows/send-event-notifications"

jest.setTimeout(180_000)

const BLACKLISTED = "+254799999406"

const fakes = useProviderFakes(
  { email: "sendgrid", sms: "africastalking", atOptions: { blacklist: [BLACKLISTED] } },
  {
    // Merchant alerts by email only here, so SMS counts are the customer's.
    SOKO_MERCHANT_EMAIL: "merchant@soko.test",
    SOKO_NOTIFICATIONS_OPTIONS: JSON.stringify({
      retry: { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 400, jitter: false },
    }),
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

    const smsTo = (to: string) => fakes.at!.messages().filter((m) => m.to === to)

    describe("exactly once", () => {
      it("a replayed event, through the bus or straight into the workflow, sends nothing again", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container)
        const first = await settled(container, { order_id: order.id }, 3)
        expect(smsTo("+254712345678")).toHaveLength(1)

        const eventBus = container.resolve(Modules.EVENT_BUS)
        for (let i = 0; i < 3; i++) {
          await eventBus.emit({ name: "order.placed", data: { id: order.id } })
        }
        for (let i = 0; i < 2; i++) {
          await sendEventNotificationsWorkflow(container).run({ input: { event_name: "order.placed", data: { id: order.id } } })
        }
        // A marker event sent after the replays: once its message is out, the replays were handled.
        await eventBus.emit({ name: "order_status.changed", data: { order_id: order.id, from: "processing", to: "out_for_delivery" } })
        await settled(container, { order_id: order.id, template: "order-out-for-delivery" }, 2)

        const after = await logged(container, { order_id: order.id, trigger: "order.placed" })
        expect(after.map((m) => m.id).sort()).toEqual(first.map((m) => m.id).sort())
        expect(smsTo("+254712345678").filter((m) => m.text.includes("is confirmed"))).toHaveLength(1)
        expect(fakes.sendgrid!.messages().filter((m) => m.subject?.includes("confirmed"))).toHaveLength(1)
      })

      it("several workers handling the same event at the same moment send once", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 3)
        const event = { order_id: order.id, from: "shipped", to: "delivered", actor: "system" }
        const eventBus = container.resolve(Modules.EVENT_BUS)
        await Promise.all([
          ...Array.from({ length: 6 }, () =>
            sendEventNotificationsWorkflow(container).run({ input: { event_name: "order_status.changed", data: event } })
          ),
          eventBus.emit({ name: "order_status.changed", data: event }),
          eventBus.emit({ name: "order_status.changed", data: event }),
        ])
        const delivered = await settled(container, { order_id: order.id, template: "order-delivered" }, 2)
        expect(delivered.map((m) => `${m.channel}:${m.status}:${m.attempts}`).sort()).toEqual(["email:sent:1", "sms:sent:1"])
        await eventually(async () => expect(smsTo("+254712345678").filter((m) => m.text.includes("delivered"))).toHaveLength(1))
        expect(fakes.sendgrid!.messages().filter((m) => m.subject?.includes("delivered"))).toHaveLength(1)
        expect(await logged(container, { order_id: order.id, template: "order-delivered" })).toHaveLength(2)
      })

      it("Medusa's shipment event and order-rules' status change for the same step send one message", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 3)
        await Promise.all([
          sendEventNotificationsWorkflow(container).run({
            input: { event_name: "order_status.changed", data: { order_id: order.id, from: "processing", to: "cancelled", reason: "Out of stock" } },
          }),
          sendEventNotificationsWorkflow(container).run({ input: { event_name: "order.canceled", data: { id: order.id } } }),
        ])
        const cancelled = await settled(container, { order_id: order.id, template: "order-cancelled" }, 2)
        expect(cancelled).toHaveLength(2)
      })
    })

    describe("provider failures", () => {
      it("an outage is retried with backoff; the message goes out once it recovers", async () => {
        const container = getContainer()
        await seedAndSettle(container)
        fakes.at!.reset()
        fakes.at!.failNext(2)
        const { order } = await placeOrder(api, container)
        const [sms] = await settled(container, { order_id: order.id, channel: "sms", template: "order-placed" }, 1)
        expect(sms).toEqual(expect.objectContaining({ status: "sent", attempts: 3, last_error: null }))
        expect(smsTo("+254712345678")).toHaveLength(1)
        expect(fakes.at!.requests().map((r) => r.status)).toEqual([503, 503, 201])
        // Medusa keeps one row per attempt: two failures, then the success.
        const rows = await medusaNotifications(container, { resource_id: order.id, channel: "sms" })
        const attempt = (key: string) => /#(\d+)$/.exec(key)?.[1] ?? "1"
        expect(rows.map((r) => [attempt(r.idempotency_key), r.status]).sort()).toEqual([
          ["1", "failure"],
          ["2", "failure"],
          ["3", "success"],
        ])
      })

      it("an outage longer than the retries ends in a failed message with the reason; the order and the email are fine", async () => {
        const container = getContainer()
        await seedAndSettle(container)
        fakes.at!.failNext(50)
        const { order } = await placeOrder(api, container)
        expect(order.id).toMatch(/^order_/)
        const [sms] = await settled(container, { order_id: order.id, channel: "sms", template: "order-placed" }, 1)
        expect(sms).toEqual(
          expect.objectContaining({ status: "failed", attempts: 4, last_error: "Africa's Talking answered 503: Service Unavailable" })
        )
        const [email] = await settled(container, { order_id: order.id, channel: "email", template: "order-placed" }, 1)
        expect(email.status).toBe("sent")
        fakes.at!.reset()
      })

      it("a permanent refusal is recorded at once, without retries", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container, { phone: BLACKLISTED })
        const [sms] = await settled(container, { order_id: order.id, channel: "sms", template: "order-placed" }, 1)
        expect(sms).toEqual(
          expect.objectContaining({ status: "failed", attempts: 1, last_error: `Africa's Talking refused ${BLACKLISTED}: UserInBlacklist (406)` })
        )
      })

      it("a dropped connection is temporary too", async () => {
        const container = getContainer()
        await seedAndSettle(container)
        fakes.at!.reset()
        fakes.at!.failNext(1, { kind: "reset" })
        const { order } = await placeOrder(api, container)
        const [sms] = await settled(container, { order_id: order.id, channel: "sms", template: "order-placed" }, 1)
        expect(sms).toEqual(expect.objectContaining({ status: "sent", attempts: 2 }))
      })
    })

    describe("contact details and preferences", () => {
      it("an invalid phone number is a recorded failure; the email still goes", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container, { phone: "12345" })
        const messages = await settled(container, { order_id: order.id, template: "order-placed" }, 2)
        expect(messages.map((m) => [m.channel, m.status, m.last_error]).sort()).toEqual([
          ["email", "sent", null],
          ["sms", "failed", "invalid phone number: 12345 is not a Kenyan mobile number"],
        ])
        expect(fakes.at!.messages().filter((m) => m.to !== DEMO_PHONE)).toEqual([])
      })

      it("no phone at all: email only", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container, { phone: null })
        await settled(container, { order_id: order.id }, 2)
        expect((await logged(container, { order_id: order.id })).map((m) => `${m.template}:${m.channel}`).sort()).toEqual([
          "merchant-new-order:email",
          "order-placed:email",
        ])
      })

      it("a customer who opted out of SMS gets email only; the skip is logged", async () => {
        const container = getContainer()
        const first = await placeOrder(api, container, { email: "optout@example.com" })
        await settled(container, { order_id: first.order.id }, 3)
        const [{ customer_id }] = (await logged(container, { order_id: first.order.id, audience: "customer" })) as any[]
        const service = container.resolve("sokoNotifications") as {
          createNotificationPreferences: (d: unknown) => Promise<unknown>
        }
        await service.createNotificationPreferences({ customer_id, sms_opt_out: true })
        fakes.at!.reset()
        const { order } = await placeOrder(api, container, { email: "optout@example.com" })
        const messages = await settled(container, { order_id: order.id, template: "order-placed" }, 2)
        expect(messages.map((m) => [m.channel, m.status, m.last_error]).sort()).toEqual([
          ["email", "sent", null],
          ["sms", "skipped", "the customer opted out of SMS"],
        ])
        expect(fakes.at!.messages()).toEqual([])
      })

      it("Swahili when the order asks for it", async () => {
        const container = getContainer()
        const { order } = await placeOrder(api, container, { locale: "sw-KE", first_name: "Wanjiru" })
        const messages = await settled(container, { order_id: order.id, template: "order-placed" }, 2)
        expect(messages.every((m) => m.locale === "sw")).toBe(true)
        expect(messages.find((m) => m.channel === "email")!.subject).toBe(`Agizo #${order.display_id} limethibitishwa`)
        const [sms] = smsTo("+254712345678")
        expect(sms.text).toMatch(/^Soko Demo Shop: Asante Wanjiru! Agizo #\d+ \(KES [\d,]+\) limepokelewa\./)
        // The merchant alert follows the store default.
        const [alert] = await logged(container, { order_id: order.id, template: "merchant-new-order" })
        expect(alert.locale).toBe("en")
      })

      it("edge data: a very long name and many line items", async () => {
        const container = getContainer()
        const name = "Nyambura Wairimu Njeri-Kariuki Wambui wa Kinyanjui Gathoni Mwangi"
        const { order } = await placeOrder(api, container, { first_name: name, lines: 8, quantity: 3 })
        const messages = await settled(container, { order_id: order.id, template: "order-placed" }, 2)
        const sms = messages.find((m) => m.channel === "sms")!
        expect(sms.meta).toEqual(expect.objectContaining({ encoding: "GSM-7", parts: 1 }))
        expect(sms.body_text).toContain("Thank you Nyambura")
        const email = messages.find((m) => m.channel === "email")!
        expect(email.body_text).toContain(name)
        expect((email.body_text!.match(/^- 3 x /gm) ?? []).length).toBe(8)
      })
    })
  },
})
