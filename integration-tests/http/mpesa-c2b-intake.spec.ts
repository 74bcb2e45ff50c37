import { pullC2bTransactions } from "@soko/medusa-plugin-mpesa/lib/c2b-sync"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { useSeededShop } from "../helpers/seeded-shop"
import { expectMoneyAuditHolds } from "../helpers/money-audit"
import { C2B_SHORTCODE, c2bConfirmation, c2bScenarios } from "../helpers/mpesa-c2b"
import { useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { mpesaScenarios } from "../helpers/mpesa-scenarios"
import { settled } from "../helpers/notifications"
import { eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

const simulator = useDarajaSimulator({
  MPESA_C2B_SHORTCODE: C2B_SHORTCODE,
  MPESA_C2B_VALIDATION: "true",
  MPESA_C2B_PULL_TRANSACTIONS: "true",
  MPESA_C2B_PULL_NOMINATED_NUMBER: "0708374149",
})
let sim: Simulator

/**
 * Paybill/till payments made without a prompt (issue 16): each through the
 * simulator's phone (C2B v2 confirmations, Transaction Status, Pull
 * Transactions) and the public APIs, each ending with the money audit.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const shop = useSeededShop(getContainer, api)
    beforeEach(async () => {
      sim = simulator()
      sim.reset()
      await c2b.registerUrls()
    })

    const deps = { api, getContainer, sim: () => sim, store: shop.store, admin: shop.admin }
    const c2b = c2bScenarios(deps)
    const stk = mpesaScenarios(deps)
    const noValidation = () => sim.updateSettings({ c2bValidation: false })
    const post = (url: string, body: unknown, config?: unknown) =>
      api.post(url, body, config).then(
        (r: any) => r,
        (e: any) => e.response
      )

    it("registers the URLs idempotently and shows the status", async () => {
      await c2b.registerUrls()
      const { data } = await api.get("/admin/mpesa/c2b/registration", shop.admin())
      expect(data).toMatchObject({ enabled: true, shortcode: C2B_SHORTCODE, validation: true, registration: { status: "registered" } })
      expect(JSON.stringify(data)).not.toContain("dev-callback")
      expect(sim.listC2bRegistrations()).toEqual([expect.objectContaining({ shortCode: C2B_SHORTCODE })])
      // Pull Transactions is registered with the URLs, against the merchant's nominated phone, which the status never shows.
      expect(data.registration.detail).toMatch(/Pull Transactions registered/)
      expect(JSON.stringify(data)).not.toMatch(/708374149/)
    })

    it("exact: a paybill payment with the order number pays the order; the shopper sees it paid", async () => {
      const order = await c2b.awaitingOrder()
      const before = await c2b.shopperView(order.cartId)
      expect(before).toEqual(
        expect.objectContaining({ available: true, type: "paybill", number: C2B_SHORTCODE, account: order.displayId, amount_kes: order.totalKes, status: "awaiting" })
      )
      expect(JSON.stringify(before)).not.toMatch(/2547\d{8}|dev-callback/)
      // The order's confirmation, sent while it is unpaid, says the same.
      const placed = await settled(getContainer(), { order_id: order.orderId, template: "order-placed" }, 2)
      expect(placed.find((m) => m.channel === "sms")?.body_text).toContain(`Not paid yet? M-Pesa Paybill ${C2B_SHORTCODE}, account ${order.displayId}.`)
      expect(placed.find((m) => m.channel === "email")?.body_text).toContain(`business number ${C2B_SHORTCODE}, account ${order.displayId}`)

      const paid = await c2b.payPaybill(`#00${order.displayId}`, order.totalKes)
      expect(paid.status).toBe("completed")
      const row = await c2b.settled(paid.transId)
      expect(row).toMatchObject({ state: "captured", match_decision: "exact", order_id: order.orderId, amount_kes: order.totalKes, msisdn_masked: "2547***149" })
      await c2b.paymentStatus(order.orderId, "captured")
      expect(await c2b.shopperView(order.cartId)).toMatchObject({ status: "paid", amount_kes: 0 })
      // Transaction Status was asked about this TransID before anything was captured.
      expect(sim.listRequests({ endpoint: "transactionstatus" }).length).toBeGreaterThanOrEqual(1)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("short: a part payment leaves the balance awaiting; paying it completes the order", async () => {
      noValidation()
      const order = await c2b.awaitingOrder()
      const part = Math.floor(order.totalKes / 3)
      const first = await c2b.settled((await c2b.payPaybill(order.displayId, part)).transId)
      expect(first).toMatchObject({ state: "partial", match_decision: "short", order_id: order.orderId })
      await c2b.paymentStatus(order.orderId, "partially_captured")
      expect(await c2b.shopperView(order.cartId)).toMatchObject({ status: "partial", amount_kes: order.totalKes - part })
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)

      const rest = await c2b.settled((await c2b.payPaybill(order.displayId, order.totalKes - part)).transId)
      expect(rest).toMatchObject({ state: "captured", match_decision: "exact" })
      await c2b.paymentStatus(order.orderId, "captured")
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("over: the order is captured for its amount and the excess is held for the merchant", async () => {
      noValidation()
      const order = await c2b.awaitingOrder()
      const row = await c2b.settled((await c2b.payPaybill(order.displayId, order.totalKes + 50)).transId)
      expect(row).toMatchObject({ state: "over", match_decision: "over", match_detail: expect.objectContaining({ excess_kes: 50 }) })
      await c2b.paymentStatus(order.orderId, "captured")
      const { data } = await api.get("/admin/mpesa/c2b/payments?state=over", shop.admin())
      expect(data.payments.map((p: any) => p.trans_id)).toContain(row.trans_id)
      const audit = await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
      expect(audit.inReview).toBe(50)
    })

    it("unknown: an account naming no order goes to the unmatched queue; the merchant attaches it to the order", async () => {
      noValidation()
      const order = await c2b.awaitingOrder()
      const row = await c2b.settled((await c2b.payPaybill("99999", order.totalKes)).transId)
      expect(row).toMatchObject({ state: "unmatched", match_decision: "unknown", order_id: null })
      expect((await c2b.orderOf(order.orderId)).payment_status).toBe("awaiting")

      const { data: queue } = await api.get("/admin/mpesa/c2b/payments", shop.admin())
      expect(queue.payments).toEqual([expect.objectContaining({ id: row.id, state: "unmatched", msisdn_masked: "2547***149" })])
      expect(JSON.stringify(queue)).not.toMatch(/254708374149|raw_body/)

      expect((await post(`/admin/mpesa/c2b/payments/${row.id}/attach`, { order_id: "not an id" }, shop.admin())).status).toBe(400)
      expect((await post(`/admin/mpesa/c2b/payments/mc2b_nothing/attach`, { order_id: order.orderId }, shop.admin())).status).toBe(404)
      const attached = await post(`/admin/mpesa/c2b/payments/${row.id}/attach`, { order_id: order.orderId }, shop.admin())
      expect(attached.status).toBe(200)
      await c2b.paymentStatus(order.orderId, "captured")
      const again = await post(`/admin/mpesa/c2b/payments/${row.id}/attach`, { order_id: order.orderId }, shop.admin())
      expect(again.status).toBe(409)
      expect(again.data.message).toMatch(/already paid|only unmatched/)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("ambiguous: a till payment two orders from the same phone could be for goes to review; nothing is captured", async () => {
      noValidation()
      const phone = "0711999888"
      const a = await c2b.awaitingOrder({ phone, cancelPrompt: true })
      const b = await c2b.awaitingOrder({ phone, cancelPrompt: true })
      expect(b.totalKes).toBe(a.totalKes)
      const paid = await c2b.payTill(a.totalKes, phone)
      const row = await c2b.settled(paid.transId)
      expect(row).toMatchObject({ kind: "till", state: "review", flag: "ambiguous", match_decision: "ambiguous" })
      expect(row.match_detail.order_ids.sort()).toEqual([a.orderId, b.orderId].sort())
      expect((await c2b.orderOf(a.orderId)).payment_status).toBe("awaiting")
      expect((await c2b.orderOf(b.orderId)).payment_status).toBe("awaiting")

      // The merchant sends it back: a reversal of the TransID, through the money path's refund steps.
      const sent = await post(`/admin/mpesa/c2b/payments/${row.id}/refund`, {}, shop.admin())
      expect(sent.status).toBe(202)
      expect(sent.data.refund).toMatchObject({ method: "reversal", amount_kes: a.totalKes, receipt_number: paid.transId })
      expect((await post(`/admin/mpesa/c2b/payments/${row.id}/refund`, {}, shop.admin())).status).toBe(409)
      expect((await post(`/admin/mpesa/c2b/payments/${row.id}/refund`, { amount: 1 }, shop.admin())).status).toBe(400)
      await eventually(async () => {
        const [refund] = await c2b.mpesa().listReversals({ stk_request_id: row.id })
        return refund?.status === "reversed" ? refund : undefined
      })
      expect(sim.listLedger().reversals.filter((r: any) => r.originalReceipt === paid.transId)).toHaveLength(1)
      expect((await c2b.rows({ id: row.id }))[0]).toMatchObject({ state: "refunded" })
    })

    it("till exact: a Buy Goods payment from the phone the prompt went to, for the amount, pays that order", async () => {
      noValidation()
      const phone = "0711777666"
      const order = await c2b.awaitingOrder({ phone, cancelPrompt: true })
      const paid = await c2b.payTill(order.totalKes, phone)
      expect(await c2b.settled(paid.transId)).toMatchObject({ kind: "till", state: "captured", match_decision: "exact", order_id: order.orderId })
      await c2b.paymentStatus(order.orderId, "captured")
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("duplicates: copies from Daraja and concurrent replays on the hooks make one payment and one capture", async () => {
      const order = await c2b.awaitingOrder()
      const paid = await c2b.payPaybill(order.displayId, order.totalKes, { confirmation: { copies: 3 } })
      const body = c2bConfirmation({ TransID: paid.transId, BillRefNumber: order.displayId, TransAmount: `${order.totalKes}.00` })
      const replies = await Promise.all(Array.from({ length: 4 }, () => post("/hooks/daraja/c2b/confirmation/dev-callback", body)))
      expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200])
      await c2b.settled(paid.transId)
      await eventually(async () => ((sim.getC2bPayment(paid.transId)?.confirmationCopies ?? 0) >= 3 ? true : undefined))
      expect(await c2b.rows({ trans_id: paid.transId })).toHaveLength(1)
      await c2b.paymentStatus(order.orderId, "captured")
      const captures = (await c2b.orderOf(order.orderId)).payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))
      expect(captures).toHaveLength(1)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("lost then pulled: a confirmation that never came is recovered by Pull Transactions; a late copy changes nothing", async () => {
      const order = await c2b.awaitingOrder()
      const paid = await c2b.payPaybill(order.displayId, order.totalKes, { confirmation: { skip: true } })
      expect(paid.confirmation).toBe("dropped")
      expect(await c2b.rows({ trans_id: paid.transId })).toEqual([])

      // Registered with the URLs (beforeEach), against the nominated number.
      expect(sim.listPullRegistrations()).toEqual([expect.objectContaining({ shortCode: C2B_SHORTCODE, nominatedNumber: "254708374149" })])
      const summary = await pullC2bTransactions(getContainer())
      expect(summary).toMatchObject({ recorded: 1, errors: 0 })
      expect(await c2b.settled(paid.transId)).toMatchObject({ state: "captured", source: "pull", order_id: order.orderId })
      await c2b.paymentStatus(order.orderId, "captured")

      sim.resendC2bConfirmation(paid.transId)
      await sim.waitForCallback({ kind: "c2b-confirmation", transId: paid.transId } as never)
      expect(await pullC2bTransactions(getContainer())).toMatchObject({ recorded: 0, errors: 0 })
      expect(await c2b.rows({ trans_id: paid.transId })).toHaveLength(1)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("after STK paid: a paybill payment for a paid order is a second payment in review, never captured", async () => {
      const { orderId } = await stk.paidOrder()
      const order = await c2b.orderOf(orderId)
      noValidation()
      const row = await c2b.settled((await c2b.payPaybill(String(order.display_id), Number(order.total))).transId)
      expect(row).toMatchObject({ state: "review", flag: "already_paid", order_id: orderId, captured_at: null })
      const captures = (await c2b.orderOf(orderId)).payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))
      expect(captures).toHaveLength(1)
      const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
      expect(audit.inReview).toBe(Number(order.total))
    })

    it("paybill first, prompt later: the shopper then pays the open prompt too; that money goes to review, never captured", async () => {
      noValidation()
      const order = await c2b.awaitingOrder()
      const paid = await c2b.payPaybill(order.displayId, order.totalKes)
      expect(await c2b.settled(paid.transId)).toMatchObject({ state: "captured", order_id: order.orderId })
      await c2b.paymentStatus(order.orderId, "captured")

      sim.approve(order.checkoutRequestId)
      const request = await eventually(async () => {
        const [row] = await c2b.mpesa().listStkRequests({ checkout_request_id: order.checkoutRequestId })
        return row?.status === "review" ? row : undefined
      })
      expect(request).toMatchObject({ flag: "second_payment", captured_at: null })
      const captures = (await c2b.orderOf(order.orderId)).payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))
      expect(captures).toHaveLength(1)
      const audit = await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
      expect(audit.inReview).toBe(order.totalKes)
    })

    it("hostile or forged bodies: 4xx or rejected after Daraja says no, nothing paid", async () => {
      const order = await c2b.awaitingOrder()
      const before = (await c2b.rows({})).length
      const hooks = "/hooks/daraja/c2b/confirmation/dev-callback"
      const answers = await Promise.all([
        post("/hooks/daraja/c2b/confirmation/wrong-secret", c2bConfirmation()),
        post(hooks, [c2bConfirmation()]),
        post(hooks, c2bConfirmation({ TransID: "1'; DROP TABLE order;--" })),
        post(hooks, c2bConfirmation({ BusinessShortCode: "<script>" })),
        post(hooks, { TransID: { $ne: null } }),
        post(hooks, "TransID=ABC123&TransAmount=1", { headers: { "content-type": "text/plain" } }),
        post(hooks, { ...c2bConfirmation(), pad: "x".repeat(70_000) }),
        post("/hooks/daraja/c2b/validation/dev-callback", null),
      ])
      for (const answer of answers) {
        expect(answer.status).toBeGreaterThanOrEqual(400)
        expect(answer.status).toBeLessThan(500)
      }
      expect(await c2b.rows({})).toHaveLength(before)

      // Well formed, but Safaricom never saw it: recorded as received, then rejected by Transaction Status.
      const forged = c2bConfirmation({ TransID: "FORGED0001", BillRefNumber: order.displayId, TransAmount: `${order.totalKes}.00` })
      expect((await post(hooks, forged)).status).toBe(200)
      expect(await c2b.settled("FORGED0001")).toMatchObject({ state: "rejected", order_id: null })
      expect((await c2b.orderOf(order.orderId)).payment_status).toBe("awaiting")
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("contradicted: a confirmation whose amount Safaricom does not confirm goes to review and can be neither attached nor sent back", async () => {
      noValidation()
      const order = await c2b.awaitingOrder()
      // A real KES 10 payment whose confirmation was lost, then a body claiming it paid the whole order.
      const real = await c2b.payPaybill("NOORDER9", 10, { confirmation: { skip: true } })
      const lie = c2bConfirmation({ TransID: real.transId, BillRefNumber: order.displayId, TransAmount: `${order.totalKes}.00` })
      expect((await post("/hooks/daraja/c2b/confirmation/dev-callback", lie)).status).toBe(200)
      const row = await c2b.settled(real.transId)
      expect(row).toMatchObject({ state: "review", flag: "confirmation_mismatch", captured_at: null })

      const attach = await post(`/admin/mpesa/c2b/payments/${row.id}/attach`, { order_id: order.orderId }, shop.admin())
      expect(attach.status).toBe(409)
      expect(attach.data.message).toMatch(/cannot be matched to an order: Safaricom has not confirmed it as reported/)
      const refund = await post(`/admin/mpesa/c2b/payments/${row.id}/refund`, {}, shop.admin())
      expect(refund.status).toBe(409)
      expect(refund.data.message).toMatch(/Safaricom has not confirmed it as reported/)
      expect(await c2b.rows({ trans_id: real.transId })).toEqual([expect.objectContaining({ state: "review", order_id: null, captured_at: null })])
      expect((await c2b.orderOf(order.orderId)).payment_status).toBe("awaiting")
      expect(sim.listRequests({ endpoint: "reversal" })).toHaveLength(0)
    })

    it("validation: unknown accounts and wrong amounts are refused before money moves", async () => {
      const order = await c2b.awaitingOrder()
      const unknown = await c2b.payPaybill("99999", order.totalKes)
      expect(unknown).toMatchObject({ status: "rejected", validation: "rejected", resultCode: "C2B00012" })
      const wrong = await c2b.payPaybill(order.displayId, order.totalKes + 1)
      expect(wrong).toMatchObject({ status: "rejected", validation: "rejected", resultCode: "C2B00013" })
      expect(sim.listLedger().payments.filter((p: any) => [unknown.transId, wrong.transId].includes(p.receipt))).toEqual([])
      expect(await c2b.rows({})).toEqual([])

      const right = await c2b.payPaybill(order.displayId, order.totalKes)
      expect(right).toMatchObject({ status: "completed", validation: "accepted" })
      await c2b.settled(right.transId)
      await c2b.paymentStatus(order.orderId, "captured")
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })
  },
})
