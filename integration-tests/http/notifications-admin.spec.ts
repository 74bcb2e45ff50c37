import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { logged, placeOrder, settled } from "../helpers/notifications"
import { adminHeaders } from "../helpers/admin"
import { runSeed } from "../../src/scripts/seed/run-seed"

jest.setTimeout(180_000)

type Res = { status: number; data: { message?: string; [key: string]: unknown } }
const failure = (e: { response: Res }) => e.response

// The embedded default: no SENDGRID_* / SMS_* variables, so both channels are captured and shown in admin.
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe("embedded default: captured, logged, shown in admin", () => {
      it("captures the customer's email and SMS and the merchant alert, and lists them with filters", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { order } = await placeOrder(api, container)
        await settled(container, { order_id: order.id }, 3)

        const { data: all } = await api.get(`/admin/notification-log?order_id=${order.id}`, admin)
        expect(all.count).toBe(3)
        expect(all.messages.map((m: { template: string; channel: string; status: string; to: string }) => `${m.template}:${m.channel}:${m.status}:${m.to}`).sort()).toEqual([
          "merchant-new-order:email:sent:admin@example.com",
          "order-placed:email:sent:achieng@example.com",
          "order-placed:sms:sent:+254712345678",
        ])
        const { data: sms } = await api.get(`/admin/notification-log?order_id=${order.id}&channel=sms&status=sent`, admin)
        expect(sms.messages).toHaveLength(1)
        expect(sms.messages[0]).toEqual(
          expect.objectContaining({ channel: "sms", body_text: expect.stringContaining("is confirmed"), sms: { encoding: "GSM-7", parts: 1, units: expect.any(Number) } })
        )
        const { data: none } = await api.get(`/admin/notification-log?order_id=${order.id}&status=failed`, admin)
        expect(none.messages).toEqual([])
        const { data: byRecipient } = await api.get(`/admin/notification-log?q=achieng@`, admin)
        expect(byRecipient.messages.every((m: { to: string }) => m.to === "achieng@example.com")).toBe(true)

        const invalid = await api.get(`/admin/notification-log?channel=fax`, admin).catch(failure)
        expect(invalid.status).toBe(400)
        expect(invalid.data.message).toMatch(/channel/)

        const email = all.messages.find((m: { template: string; channel: string }) => m.template === "order-placed" && m.channel === "email")
        const { data: detail } = await api.get(`/admin/notification-log/${email.id}`, admin)
        expect(detail.message).toEqual(
          expect.objectContaining({
            subject: `Order #${order.display_id} confirmed`,
            body_html: expect.stringContaining("<!DOCTYPE html>"),
            body_text: expect.stringContaining("Thank you for your order"),
            provider_id: "capture",
            external_id: expect.stringMatching(/^capture_/),
            attempts_log: [expect.objectContaining({ status: "success", provider_id: "capture" })],
          })
        )

        const { data: widget } = await api.get(`/admin/orders/${order.id}/notification-log`, admin)
        expect(widget.count).toBe(3)

        const anonymous = await api.get(`/admin/notification-log`).catch(failure)
        expect(anonymous.status).toBe(401)
        const missing = await api.get(`/admin/notification-log/snmsg_missing`, admin).catch(failure)
        expect(missing.status).toBe(404)
      })

      it("resends a message once, even on a double click", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { order } = await placeOrder(api, container)
        const [sms] = await settled(container, { order_id: order.id, channel: "sms" }, 1)
        const results = await Promise.all([
          api.post(`/admin/notification-log/${sms.id}/resend`, {}, admin).catch(failure),
          api.post(`/admin/notification-log/${sms.id}/resend`, {}, admin).catch(failure),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([201, 400])
        const ok = results.find((r) => r.status === 201)!
        expect(results.find((r) => r.status === 400)!.data.message).toMatch(/resent|being resent/)
        expect(ok.data).toEqual(
          expect.objectContaining({ outcome: expect.objectContaining({ outcome: "sent" }), message: expect.objectContaining({ resent_from_id: sms.id, status: "sent" }) })
        )
        const again = await api.post(`/admin/notification-log/${sms.id}/resend`, {}, admin).catch(failure)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/was resent \d+ s ago/)
        const copies = await logged(container, { resent_from_id: sms.id })
        expect(copies.map((c) => c.idempotency_key)).toEqual([`${sms.idempotency_key}#resend-1`])
        const { data: detail } = await api.get(`/admin/notification-log/${sms.id}`, admin)
        expect(detail.message.resends).toHaveLength(1)
      })

      it("welcomes new accounts and sends password resets without showing the token in admin", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { data: registered } = await api.post("/auth/customer/emailpass/register", { email: "kamau@example.com", password: "supersecret1" })
        const { publishableKey } = await runSeed(container)
        await api.post(
          "/store/customers",
          { email: "kamau@example.com", first_name: "Kamau", phone: "0722000111" },
          { headers: { authorization: `Bearer ${registered.token}`, "x-publishable-api-key": publishableKey } }
        )
        const welcome = await settled(container, { template: "welcome", to: ["kamau@example.com", "+254722000111"] }, 2)
        expect(welcome.map((m) => m.channel).sort()).toEqual(["email", "sms"])
        expect(welcome.find((m) => m.channel === "email")!.subject).toBe("Welcome to Soko Demo Shop")

        await api.post("/auth/customer/emailpass/reset-password", { identifier: "kamau@example.com" })
        const [reset] = await settled(container, { template: "password-reset" }, 1)
        expect(reset).toEqual(expect.objectContaining({ channel: "email", to: "kamau@example.com", status: "sent" }))
        expect(reset.body_text).toMatch(/reset-password\?token=[^&\s[]+&email=kamau%40example.com/)
        const { data } = await api.get(`/admin/notification-log/${reset.id}`, admin)
        expect(data.message.body_text).toContain("token=[redacted]")
        expect(data.message.body_html).toContain("token=[redacted]")
        expect(JSON.stringify(data.message)).not.toMatch(/token=(?!\[redacted\])[A-Za-z0-9]/)

        // Admin users get theirs with a link to the admin.
        await api.post("/auth/user/emailpass/reset-password", { identifier: "admin@example.com" })
        const [userReset] = await settled(container, { template: "password-reset", to: "admin@example.com" }, 1)
        expect(userReset.body_text).toContain("/app/reset-password?token=")
      })
    })

    describe("templates: override, preview, validation", () => {
      it("refuses overrides with unknown variables or broken markup, naming the problem", async () => {
        const admin = await adminHeaders(getContainer(), api)
        const unknown = await api
          .post("/admin/notification-templates/order-placed/sw", { sms: "Habari {{jina}}" }, admin)
          .catch(failure)
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/sms: line 1, column 8: unknown variable \{\{jina\}\}/)
        const broken = await api
          .post("/admin/notification-templates/order-placed/en", { html: "<table><tr><td>{{order_number}}</td></table>" }, admin)
          .catch(failure)
        expect(broken.status).toBe(400)
        expect(broken.data.message).toMatch(/html: .*broken markup: <\/table> closes <tr>/)
        const unknownTemplate = await api.post("/admin/notification-templates/nope/en", { sms: "x" }, admin).catch(failure)
        expect(unknownTemplate.status).toBe(404)
        const badLocale = await api.get("/admin/notification-templates/order-placed/fr", admin).catch(failure)
        expect(badLocale.status).toBe(404)
        const extra = await api.post("/admin/notification-templates/order-placed/en", { body: "x" }, admin).catch(failure)
        expect(extra.status).toBe(400)
      })

      it("a saved override is used for the next message, previewable first, and can be removed", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const sms = "Habari {{customer_first_name}}! Agizo #{{order_number}} la {{order_total}} limefika."

        const { data: before } = await api.post(
          "/admin/notification-templates/preview",
          { template: "order-placed", locale: "sw", channel: "sms", overrides: { sms } },
          admin
        )
        expect(before.preview).toEqual(
          expect.objectContaining({ text: "Habari Wanjiku! Agizo #1042 la KES 3,350 limefika.", encoding: "GSM-7", parts: 1, origins: expect.objectContaining({ sms: "unsaved" }) })
        )
        const badPreview = await api
          .post("/admin/notification-templates/preview", { template: "order-placed", locale: "sw", channel: "sms", overrides: { sms: "{{#if x}}" } }, admin)
          .catch(failure)
        expect(badPreview.status).toBe(400)
        const wrongChannel = await api
          .post("/admin/notification-templates/preview", { template: "password-reset", locale: "en", channel: "sms" }, admin)
          .catch(failure)
        expect(wrongChannel.status).toBe(400)

        const { data: saved } = await api.post("/admin/notification-templates/order-placed/sw", { sms }, admin)
        expect(saved.template.parts.sms).toEqual({ origin: "admin", source: sms })
        expect(saved.template.parts.subject.origin).toBe("default")
        const { data: list } = await api.get("/admin/notification-templates", admin)
        const placedTemplate = list.templates.find((t: { id: string }) => t.id === "order-placed")
        expect(placedTemplate.locales.sw.sms).toBe("admin")
        expect(placedTemplate.locales.en.sms).toBe("default")
        expect(placedTemplate.variables).toContain("order_number")

        const { order } = await placeOrder(api, container, { locale: "sw", first_name: "Zawadi" })
        const [message] = await settled(container, { order_id: order.id, channel: "sms", template: "order-placed" }, 1)
        expect(message.body_text).toMatch(/^Habari Zawadi! Agizo #\d+ la KES [\d,]+ limefika\.$/)

        // Preview with the real order's data.
        const { data: real } = await api.post(
          "/admin/notification-templates/preview",
          { template: "order-placed", locale: "en", channel: "email", order_id: order.id },
          admin
        )
        expect(real.preview.subject).toBe(`Order #${order.display_id} confirmed`)
        expect(real.preview.html).toContain("Zawadi")
        const missing = await api
          .post("/admin/notification-templates/preview", { template: "order-placed", locale: "en", channel: "email", order_id: "order_nope" }, admin)
          .catch(failure)
        expect(missing.status).toBe(404)

        const { data: removed } = await api.delete("/admin/notification-templates/order-placed/sw", admin)
        expect(removed.template.parts.sms.origin).toBe("default")
      })
    })

    describe("preferences", () => {
      it("admins and customers set SMS opt-out and language", async () => {
        const container = getContainer()
        const admin = await adminHeaders(container, api)
        const { data: defaults } = await api.get("/admin/customers/cus_123/notification-preferences", admin)
        expect(defaults.notification_preferences).toEqual(
          expect.objectContaining({ customer_id: "cus_123", sms_opt_out: false, email_opt_out: false, locale: null })
        )
        const { data: set } = await api.post("/admin/customers/cus_123/notification-preferences", { sms_opt_out: true, locale: "sw" }, admin)
        expect(set.notification_preferences).toEqual(expect.objectContaining({ sms_opt_out: true, locale: "sw" }))
        const bad = await api.post("/admin/customers/cus_123/notification-preferences", { locale: "fr" }, admin).catch(failure)
        expect(bad.status).toBe(400)

        const { publishableKey } = await runSeed(container)
        const { data: login } = await api.post("/auth/customer/emailpass", { email: "demo@example.com", password: "supersecret" })
        const customer = { headers: { authorization: `Bearer ${login.token}`, "x-publishable-api-key": publishableKey } }
        const { data: mine } = await api.post("/store/customers/me/notification-preferences", { sms_opt_out: true }, customer)
        expect(mine.notification_preferences).toEqual(expect.objectContaining({ sms_opt_out: true, email_opt_out: false }))
        const { data: again } = await api.get("/store/customers/me/notification-preferences", customer)
        expect(again.notification_preferences.sms_opt_out).toBe(true)
        const anonymous = await api
          .get("/store/customers/me/notification-preferences", { headers: { "x-publishable-api-key": publishableKey } })
          .catch(failure)
        expect(anonymous.status).toBe(401)
      })
    })
  },
})
