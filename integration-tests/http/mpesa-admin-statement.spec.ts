import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { Modules } from "@medusajs/framework/utils"
import {
  attachMpesaReviewPaymentWorkflow,
  linkStkRequestsToOrderWorkflow,
  refundMpesaReviewPaymentWorkflow,
} from "@soko/medusa-plugin-mpesa/workflows"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"
import { expectMoneyAuditHolds } from "../helpers/money-audit"
import { paidInLedger, paidStkCallback, pushMpesaSession, useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(240_000)

const simulator = useDarajaSimulator()
let sim: Simulator

/** The Nairobi day (UTC+3 all year) of an instant, as the statement dates it. */
const nairobiDay = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10)

/**
 * Issue 15, admin: the M-Pesa statement (payments with their refunds, daily
 * totals that match Safaricom's ledger) and the review queue (attach, refund,
 * the merchant's alert), through the admin API and the simulator.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }
    let admin: { headers: Record<string, string> }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before every test.
    beforeAll(async () => {
      const { publishableKey } = await runSeed(getContainer())
      store = { headers: { "x-publishable-api-key": publishableKey } }
      admin = await adminHeaders(getContainer(), api)
    })
    beforeEach(() => {
      sim = simulator()
      sim.reset()
    })

    const mpesa = () => getContainer().resolve("mpesa") as any
    const fail = (e: any) => e.response
    const pushSession = (paymentCollectionId: string, phone: string) =>
      pushMpesaSession(api, store, getContainer(), paymentCollectionId, phone)
    const request = async (checkoutId: string) => (await mpesa().listStkRequests({ checkout_request_id: checkoutId }))[0]
    const orderPayment = async (orderId: string) => {
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,display_id,payment_status,payment_collections.payments.captures.id`,
        admin
      )
      return data.order
    }
    const paidOrder = async () => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
      await pushSession(paymentCollectionId, "0708374149")
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      const orderId = completed.order.id as string
      await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))
      const paid = await paidInLedger(getContainer(), orderId)
      return { orderId, paidKes: paid.amount_kes as number, displayId: (await orderPayment(orderId)).display_id as number }
    }
    const refundsSettled = (filter: Record<string, unknown>, count: number) =>
      eventually(async () => {
        const rows = await mpesa().listReversals(filter)
        return rows.length === count && rows.every((r: any) => r.status === "failed" || r.refund_recorded_at) ? rows : undefined
      }, 150)
    /** A second paid prompt on an order's session: one payment captured, the other held for review. */
    const secondPayment = async () => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
      const first = await pushSession(paymentCollectionId, "0711222333")
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      const orderId = completed.order.id as string
      await api.post(`/admin/orders/${orderId}/mpesa/resend`, { phone: "0708374149" }, admin)
      await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))
      sim.approve(first.checkout_request_id)
      const held = await eventually(async () => {
        const row = await request(first.checkout_request_id)
        return row?.status === "review" ? row : undefined
      })
      expect(held.flag).toBe("second_payment")
      const entry = sim.listLedger().payments.find((p) => p.checkoutRequestId === first.checkout_request_id)!
      return { orderId, held, entry, first }
    }
    /** A paid prompt whose checkout was replaced before its callback came, and the order placed since, awaiting its payment. */
    const heldForAwaitingOrder = async () => {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
      // The first prompt is paid, but its callback is late …
      sim.addOverride({ endpoint: "stkpush", phone: "254708374149", callback: { delayMs: 120_000 } })
      const first = await pushSession(paymentCollectionId, "0708374149")
      await eventually(async () => (sim.getTransaction(first.checkout_request_id)?.status === "settled" ? true : undefined))
      // … the shopper starts over on another phone (the session is replaced) and places the order, awaiting payment.
      await pushSession(paymentCollectionId, "0711222333")
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      const orderId = completed.order.id as string
      expect((await orderPayment(orderId)).payment_status).not.toBe("captured")
      const entry = sim.listLedger().payments.find((p) => p.checkoutRequestId === first.checkout_request_id)!
      await api.post(
        "/hooks/daraja/stk/dev-callback",
        paidStkCallback({ merchantRequestId: first.merchant_request_id, checkoutRequestId: first.checkout_request_id, amount: entry.amount, receipt: entry.receipt })
      )
      const held = await eventually(async () => {
        const row = await request(first.checkout_request_id)
        return row?.status === "review" ? row : undefined
      })
      expect(held.flag).toBe("paid_after_session_closed")
      return { orderId, held, entry, first }
    }
    const alertsFor = (requestId: string) =>
      (getContainer().resolve(Modules.NOTIFICATION) as any).listNotifications({ resource_id: requestId, channel: "feed" })

    describe("statement", () => {
      it("lists each payment with its refunds, links its order by display number, and totals each Nairobi day as Safaricom's ledger does", async () => {
        // A payment partly paid back by B2C, and one reversed in full.
        const partial = await paidOrder()
        expect((await api.post(`/admin/orders/${partial.orderId}/mpesa/refund`, { amount_kes: 100 }, admin)).status).toBe(202)
        const reversed = await paidOrder()
        expect((await api.post(`/admin/orders/${reversed.orderId}/mpesa/refund`, {}, admin)).status).toBe(202)
        await refundsSettled({ order_id: [partial.orderId, reversed.orderId] }, 2)

        const { data } = await api.get("/admin/mpesa/transactions?status=paid", admin)
        const byOrder = new Map(data.transactions.map((t: any) => [t.order_id, t]))
        expect(byOrder.get(partial.orderId)).toMatchObject({
          order_display_id: partial.displayId,
          amount_kes: partial.paidKes,
          phone_masked: "2547***149",
          refunded_kes: 100,
          pending_kes: 0,
          refundable_kes: partial.paidKes - 100,
          refunds: [expect.objectContaining({ method: "b2c", status: "paid_out", amount_kes: 100 })],
        })
        expect(byOrder.get(reversed.orderId)).toMatchObject({
          order_display_id: reversed.displayId,
          refunded_kes: reversed.paidKes,
          refundable_kes: 0,
          refunds: [expect.objectContaining({ method: "reversal", status: "reversed", amount_kes: reversed.paidKes })],
        })
        // The admin API never shows the whole phone number.
        expect(JSON.stringify(data)).not.toContain("254708374149")

        // Daily totals = Safaricom's ledger, per Nairobi day.
        const ledger = sim.listLedger()
        const expected = new Map<string, { in: number; out: number }>()
        const add = (at: number, key: "in" | "out", amount: number) => {
          const day = expected.get(nairobiDay(at)) ?? { in: 0, out: 0 }
          day[key] += amount
          expected.set(nairobiDay(at), day)
        }
        ledger.payments.forEach((p) => add(p.at, "in", p.amount))
        ledger.reversals.forEach((r) => add(r.at, "out", r.amount))
        ledger.payouts.forEach((p) => add(p.at, "out", p.amount))
        const days = [...expected.keys()].sort()
        const { data: statement } = await api.get(`/admin/mpesa/statement?from=${days[0]}&to=${days.at(-1)}`, admin)
        expect(statement.time_zone).toBe("Africa/Nairobi")
        for (const day of statement.days) {
          const sums = expected.get(day.date) ?? { in: 0, out: 0 }
          expect({ date: day.date, in: day.in_kes, out: day.out_kes, pending: day.pending_out_kes, net: day.net_kes }).toEqual({
            date: day.date,
            in: sums.in,
            out: sums.out,
            pending: 0,
            net: sums.in - sums.out,
          })
        }
        expect(statement.totals).toMatchObject({
          in_kes: partial.paidKes + reversed.paidKes,
          out_kes: 100 + reversed.paidKes,
          net_kes: partial.paidKes - 100,
        })
        await expectMoneyAuditHolds(getContainer(), sim, partial.orderId)
        await expectMoneyAuditHolds(getContainer(), sim, reversed.orderId)
      })

      it("answers bad filters with a 400 naming the field, and nobody but an admin", async () => {
        for (const [query, field] of [
          ["from=yesterday", /from/],
          ["from=2026-12-05&to=2026-12-01", /to must not be before from/],
          ["from=2026-01-01&to=2026-12-31", /at most 92 days/],
          ["day=2026-12-01", /day/],
        ] as const) {
          const res = await api.get(`/admin/mpesa/statement?${query}`, admin).catch(fail)
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(field)
        }
        const badReview = await api.get("/admin/mpesa/review?limit=0", admin).catch(fail)
        expect(badReview.status).toBe(400)
        expect(badReview.data.message).toMatch(/limit/)
        expect((await api.get("/admin/mpesa/statement").catch(fail)).status).toBe(401)
        expect((await api.get("/admin/mpesa/review").catch(fail)).status).toBe(401)
      })
    })

    describe("review queue", () => {
      it("lists a second payment, alerts the merchant once, refuses to attach it to a paid order, and sends it back to the phone", async () => {
        const { orderId, held, entry, first } = await secondPayment()
        const display = (await orderPayment(orderId)).display_id

        const { data: queue } = await api.get("/admin/mpesa/review", admin)
        expect(queue.count).toBe(1)
        expect(queue.requests[0]).toMatchObject({
          id: held.id,
          status: "review",
          flag: "second_payment",
          amount_kes: entry.amount,
          phone_masked: "2547***333",
          receipt_number: entry.receipt,
          order_id: orderId,
          order_display_id: display,
          can_attach: true,
          can_refund: true,
        })
        expect(JSON.stringify(queue)).not.toContain("254711222333")

        // One alert in the admin feed, even when Daraja sends the callback again.
        const [alert] = await eventually(async () => {
          const alerts = await alertsFor(held.id)
          return alerts.length ? alerts : undefined
        })
        expect(alert).toMatchObject({ channel: "feed", template: "admin-ui" })
        expect(alert.data.description).toMatch(/a second payment/)
        expect(alert.data.description).not.toContain("254711222333")
        const replay = paidStkCallback({
          merchantRequestId: first.merchant_request_id,
          checkoutRequestId: first.checkout_request_id,
          amount: entry.amount,
          receipt: entry.receipt,
        })
        expect((await api.post("/hooks/daraja/stk/dev-callback", replay)).status).toBe(200)
        await eventually(async () => {
          const logs = await mpesa().listCallbackLogs({ checkout_request_id: first.checkout_request_id })
          return logs.length >= 2 && logs.every((l: any) => l.outcome !== "received") ? true : undefined
        })
        expect(await alertsFor(held.id)).toHaveLength(1)

        // Its order is paid already: attaching is refused with a reason, and nothing changes.
        const attach = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: orderId }, admin).catch(fail)
        expect(attach.status).toBe(409)
        expect(attach.data.message).toMatch(/already paid; refund this payment/)
        const badBody = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: "1; drop" }, admin).catch(fail)
        expect(badBody.status).toBe(400)
        expect(badBody.data.message).toMatch(/order_id/)
        const noOrder = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: "order_01NOSUCHORDER000000" }, admin).catch(fail)
        expect(noOrder.status).toBe(404)
        const noPayment = await api.post("/admin/mpesa/review/mstk_nosuchpayment/refund", {}, admin).catch(fail)
        expect(noPayment.status).toBe(404)
        expect(await request(first.checkout_request_id)).toMatchObject({ status: "review", order_id: orderId, captured_at: null })

        // Sent back: one reversal of its receipt, nothing recorded against the order's payment.
        const refund = await api.post(`/admin/mpesa/review/${held.id}/refund`, {}, admin)
        expect(refund.status).toBe(202)
        expect(refund.data.refund).toMatchObject({ method: "reversal", receipt_number: entry.receipt, amount_kes: entry.amount })
        await refundsSettled({ stk_request_id: held.id }, 1)
        const [reversal] = await mpesa().listReversals({ stk_request_id: held.id })
        expect(reversal.status).toBe("reversed")
        expect(await request(first.checkout_request_id)).toMatchObject({ status: "refunded" })
        expect((await orderPayment(orderId)).payment_status).toBe("captured")
        expect(sim.listLedger().reversals.map((r) => r.originalReceipt)).toEqual([entry.receipt])

        const again = await api.post(`/admin/mpesa/review/${held.id}/refund`, {}, admin).catch(fail)
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/already been reversed/)
        expect((await api.get("/admin/mpesa/review", admin)).data.count).toBe(0)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.inReview).toBe(0)
        expect(audit.safaricom.out).toBe(entry.amount)
      })

      // CI caught this race once: the resend came before the order.placed link ran, so the first prompt's row never named its order.
      it("names the order of an earlier prompt on the order's payment collection, whichever of the link and its callback comes first", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        const first = await pushSession(paymentCollectionId, "0711222333")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id as string
        const linked = async () => (await request(first.checkout_request_id))?.order_id
        await eventually(async () => ((await linked()) === orderId ? true : undefined))
        // As if the order.placed link had not run yet when the shopper asked for a new prompt.
        const held = await request(first.checkout_request_id)
        const unlink = () => mpesa().updateStkRequests({ id: held.id, order_id: null })
        await unlink()
        await api.post(`/admin/orders/${orderId}/mpesa/resend`, { phone: "0708374149" }, admin)
        await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))

        // The late link finds the earlier prompt through the payment collection, not the session (which names the new prompt).
        await linkStkRequestsToOrderWorkflow(getContainer()).run({ input: { order_id: orderId } })
        expect(await linked()).toBe(orderId)

        // The callback comes before the link: it names the order itself.
        await unlink()
        sim.approve(first.checkout_request_id)
        const review = await eventually(async () => {
          const row = await request(first.checkout_request_id)
          return row?.status === "review" ? row : undefined
        })
        expect(review).toMatchObject({ flag: "second_payment", order_id: orderId })
        const { data: queue } = await api.get("/admin/mpesa/review", admin)
        expect(queue.requests[0]).toMatchObject({ id: held.id, order_id: orderId, order_display_id: (await orderPayment(orderId)).display_id })
      })

      it("attaches a payment whose checkout was replaced to the order awaiting it; the order is captured once", async () => {
        const { orderId, held, entry, first } = await heldForAwaitingOrder()
        await eventually(async () => ((await alertsFor(held.id)).length === 1 ? true : undefined))

        // Another order awaiting M-Pesa, of another amount: refused with both amounts, nothing changes.
        const other = await cartReadyForPayment(api, store, { quantity: 2, email: "other@example.com" })
        await pushSession(other.paymentCollectionId, "0722333444")
        const { data: otherOrder } = await api.post(`/store/carts/${other.cartId}/complete`, {}, store)
        const differ = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: otherOrder.order.id }, admin).catch(fail)
        expect(differ.status).toBe(409)
        expect(differ.data.message).toMatch(new RegExp(`awaits KES \\d+ but this payment is KES ${entry.amount}`))
        expect(await request(first.checkout_request_id)).toMatchObject({ status: "review", order_id: held.order_id, captured_at: null })

        const attached = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: orderId }, admin)
        expect(attached.status).toBe(200)
        expect(attached.data.transaction).toMatchObject({ status: "paid", order_id: orderId })
        const order = await eventually(async () => {
          const o = await orderPayment(orderId)
          return o.payment_status === "captured" ? o : undefined
        })
        expect(order.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))).toHaveLength(1)
        expect(await request(first.checkout_request_id)).toMatchObject({ status: "paid", receipt_number: entry.receipt, order_id: orderId })
        expect((await request(first.checkout_request_id)).captured_at).not.toBeNull()

        const again = await api.post(`/admin/mpesa/review/${held.id}/attach`, { order_id: orderId }, admin).catch(fail)
        expect(again.status).toBe(409)
        expect(again.data.message).toMatch(/not waiting for review \(it is paid\)/)
        const refund = await api.post(`/admin/mpesa/review/${held.id}/refund`, {}, admin).catch(fail)
        expect(refund.status).toBe(409)
        expect((await api.get("/admin/mpesa/review", admin)).data.count).toBe(0)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.safaricom.in).toBe(entry.amount)
        expect(audit.inReview).toBe(0)
      })

      it("a failure after the payment left review puts it back as it was (compensation): nothing captured, nothing reversed", async () => {
        const { orderId, held } = await heldForAwaitingOrder()
        const before = await request(held.checkout_request_id)
        // Between the review event and the next step (an appended action would run beside that step).
        const failAfterReviewEvent = (workflow: any) =>
          workflow.insertActionAfter("apply-mpesa-review-event", "throw", {
            invoke: async () => {
              throw new Error("fails after the review event")
            },
          })

        const attach = attachMpesaReviewPaymentWorkflow(getContainer())
        failAfterReviewEvent(attach)
        const attached = await attach.run({ input: { request_id: held.id, order_id: orderId }, throwOnError: false })
        expect(attached.errors[0]?.error?.message).toMatch(/fails after the review event/)

        const refund = refundMpesaReviewPaymentWorkflow(getContainer())
        failAfterReviewEvent(refund)
        const refunded = await refund.run({ input: { request_id: held.id }, throwOnError: false })
        expect(refunded.errors[0]?.error?.message).toMatch(/fails after the review event/)

        const after = await request(held.checkout_request_id)
        for (const field of ["status", "flag", "order_id", "receipt_number", "payment_session_id", "payment_collection_id", "captured_at"]) {
          expect([field, after[field]]).toEqual([field, before[field]])
        }
        expect(await mpesa().listReversals({ stk_request_id: held.id })).toHaveLength(0)
        expect(sim.listRequests({ endpoint: "reversal" })).toHaveLength(0)
        expect((await orderPayment(orderId)).payment_status).not.toBe("captured")
        expect((await api.get("/admin/mpesa/review", admin)).data.requests.map((r: any) => r.id)).toEqual([held.id])
      })
    })
  },
})
