import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOKO_NOTIFICATIONS_MODULE } from ".."
import type NotificationsModuleService from "../service"
import type { MessageDraft } from "../types"

jest.setTimeout(60_000)

const draft = (key: string, overrides: Partial<MessageDraft> = {}): MessageDraft => ({
  idempotency_key: key,
  trigger: "order.placed",
  event_name: "order.placed",
  template: "order-placed",
  channel: "sms",
  locale: "en",
  audience: "customer",
  to: "+254712345678",
  order_id: "order_1",
  customer_id: "cus_1",
  resource_id: "order_1",
  status: "pending",
  max_attempts: 3,
  last_error: null,
  failed_at: null,
  event_at: new Date(),
  subject: null,
  body_text: "Hello",
  body_html: null,
  data: { order_number: "1042" },
  meta: { parts: 1 },
  resent_from_id: null,
  ...overrides,
})

moduleIntegrationTestRunner<NotificationsModuleService>({
  moduleName: SOKO_NOTIFICATIONS_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleOptions: { retry: { initialDelayMs: 10, maxDelayMs: 100 } },
  testSuite: ({ service }) => {
    describe("the message log", () => {
      it("inserts a key once, however many times and however concurrently it is offered", async () => {
        const results = await Promise.all(Array.from({ length: 8 }, () => service.insertNewMessages([draft("k1")])))
        expect(results.flat()).toHaveLength(1)
        const [row] = await service.listNotificationMessages({ idempotency_key: "k1" })
        expect(row).toEqual(expect.objectContaining({ status: "pending", attempts: 0, data: { order_number: "1042" }, meta: { parts: 1 } }))
        expect(row.id).toMatch(/^snmsg_/)
        expect(await service.insertNewMessages([draft("k1"), draft("k2")])).toEqual([
          { id: expect.any(String), idempotency_key: "k2", status: "pending" },
        ])
      })

      it("lets exactly one of many concurrent claims win an attempt", async () => {
        const [{ id }] = await service.insertNewMessages([draft("k3")])
        const claims = await Promise.all(
          Array.from({ length: 10 }, () => service.claimMessage(id, { now: new Date(), leaseMs: 60_000 }))
        )
        const winners = claims.filter(Boolean)
        expect(winners).toHaveLength(1)
        expect(winners[0]).toEqual(expect.objectContaining({ id, attempts: 1, to: "+254712345678", body_text: "Hello" }))
        // While it is being sent nobody else can claim it.
        expect(await service.claimMessage(id, { now: new Date(), leaseMs: 60_000 })).toBeNull()
      })

      it("ends an attempt only once, and only the attempt that was claimed", async () => {
        const [{ id }] = await service.insertNewMessages([draft("k4")])
        await service.claimMessage(id, { now: new Date(), leaseMs: 60_000 })
        expect(await service.finishAttempt(id, 2, { status: "sent" })).toBe(false)
        const retryAt = new Date(Date.now() + 60_000)
        expect(await service.finishAttempt(id, 1, { status: "retrying", next_attempt_at: retryAt, last_error: "503" })).toBe(true)
        expect(await service.finishAttempt(id, 1, { status: "sent" })).toBe(false)
        // Not due yet: no claim; due: claimed as attempt 2.
        expect(await service.claimMessage(id, { now: new Date(), leaseMs: 60_000 })).toBeNull()
        const second = await service.claimMessage(id, { now: new Date(retryAt.getTime() + 1), leaseMs: 60_000 })
        expect(second?.attempts).toBe(2)
      })

      it("never claims final messages", async () => {
        const inserted = await service.insertNewMessages([
          draft("k5", { status: "failed", last_error: "invalid phone number" }),
          draft("k6", { status: "skipped", last_error: "opted out" }),
        ])
        for (const { id } of inserted) {
          expect(await service.claimMessage(id, { now: new Date(), leaseMs: 1000 })).toBeNull()
        }
      })

      it("finds stuck messages: lost retries, unclaimed pending, expired leases", async () => {
        const [pending] = await service.insertNewMessages([draft("k7")])
        const [sending] = await service.insertNewMessages([draft("k8")])
        await service.claimMessage(sending.id, { now: new Date(), leaseMs: 1 })
        await new Promise((r) => setTimeout(r, 10))
        const stuck = await service.listStuckMessages({
          now: new Date(),
          pendingBefore: new Date(Date.now() + 1000),
          retryBefore: new Date(),
          limit: 50,
        })
        expect(stuck).toEqual(
          expect.arrayContaining([
            { id: pending.id, status: "pending", attempts: 0 },
            { id: sending.id, status: "sending", attempts: 1 },
          ])
        )
        const fresh = await service.listStuckMessages({ now: new Date(), pendingBefore: new Date(0), retryBefore: new Date(0), limit: 50 })
        expect(fresh.map((s) => s.id)).not.toContain(pending.id)
      })

      it("keeps admin template overrides per template and locale, in the renderer's shape", async () => {
        await service.createNotificationTemplates([
          { template: "order-placed", locale: "sw", sms: "Habari {{customer_first_name}}" },
          { template: "welcome", locale: "en", subject: "Hi", html: null },
        ])
        expect(await service.templateOverrides()).toEqual({
          "order-placed": { sw: { sms: "Habari {{customer_first_name}}" } },
          welcome: { en: { subject: "Hi" } },
        })
        await expect(service.createNotificationTemplates({ template: "welcome", locale: "en", text: "dup" })).rejects.toThrow()
      })

      it("resolves and exposes its options", () => {
        expect(service.getOptions().retry).toEqual(expect.objectContaining({ initialDelayMs: 10, maxDelayMs: 100 }))
      })
    })
  },
})
