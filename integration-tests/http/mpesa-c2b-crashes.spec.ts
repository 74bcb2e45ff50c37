import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareC2bCaptureStep } from "@soko/medusa-plugin-mpesa/workflows/steps/prepare-c2b-capture"
import { updateMpesaSessionDataStep } from "@soko/medusa-plugin-mpesa/workflows/steps/update-mpesa-session-data"
import reconcileMpesaC2bJob from "@soko/medusa-plugin-mpesa/jobs/reconcile-mpesa-c2b"
import reconcileMpesaPaymentsJob from "@soko/medusa-plugin-mpesa/jobs/reconcile-mpesa-payments"
import { announceMissedMpesaCaptures } from "@soko/medusa-plugin-mpesa/lib/reconcile-announcements"
import { settleMpesaC2bPaymentWorkflow } from "@soko/medusa-plugin-mpesa/workflows"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { expectMoneyAuditHolds } from "../helpers/money-audit"
import { C2B_SHORTCODE, c2bScenarios } from "../helpers/mpesa-c2b"
import { useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { logged } from "../helpers/notifications"
import { useSeededShop } from "../helpers/seeded-shop"
import { eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

const simulator = useDarajaSimulator({ MPESA_C2B_SHORTCODE: C2B_SHORTCODE })
let sim: Simulator

/**
 * Paybill payments whose settle run a dying worker cut short (issue 16): the
 * ledger decided the payment pays an order, but never noted Medusa's capture,
 * or noted it but never announced it.
 * Each case sets the rows up as the crash leaves them, then runs the
 * reconciliation job as the scheduler would; each ends with the money audit.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const shop = useSeededShop(getContainer, api)
    const c2b = c2bScenarios({ api, getContainer, sim: () => sim, store: shop.store, admin: shop.admin })
    beforeEach(async () => {
      sim = simulator()
      sim.reset()
      sim.updateSettings({ c2bValidation: false })
      await c2b.registerUrls()
    })

    /** Medusa's captures of the order: how many, and who made each. */
    const capturesOf = async (orderId: string): Promise<{ amount: number; created_by: string | null }[]> => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.captures.*`, shop.admin())
      return data.order.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))
    }
    /** Dates the row's last change back past the settle run's lock, as a run that died minutes ago leaves it. */
    const ageRow = (transId: string) =>
      getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`UPDATE mpesa_c2b_payment SET updated_at = now() - interval '5 minutes' WHERE trans_id = ?`, [transId])
    /** A paybill payment Safaricom took for the whole order, recorded as received; its confirmation is dropped so that only this row speaks for the money. */
    const receivedPayment = async (order: Awaited<ReturnType<typeof c2b.awaitingOrder>>) => {
      const paid = await c2b.payPaybill(order.displayId, order.totalKes, { confirmation: { skip: true } })
      const { payment } = await c2b.mpesa().recordC2bPayment({
        trans_id: paid.transId,
        kind: "paybill",
        source: "confirmation",
        shortcode: C2B_SHORTCODE,
        account_ref_raw: order.displayId,
        account_ref: order.displayId,
        account_ref_kind: "display_id",
        amount_raw: `${order.totalKes}.00`,
        amount_kes: order.totalKes,
        msisdn_masked: "2547***149",
      })
      return { id: payment.id as string, transId: paid.transId as string }
    }
    /** Such a payment whose run died right after the ledger decided it (state "captured", what to capture noted), before Medusa captured anything. */
    const decidedButNotCaptured = async (order: Awaited<ReturnType<typeof c2b.awaitingOrder>>) => {
      const { id, transId } = await receivedPayment(order)
      const { data } = await api.get(`/admin/orders/${order.orderId}?fields=payment_collections.id`, shop.admin())
      await c2b.mpesa().updateC2bPayments({
        id,
        state: "captured",
        confirmed_at: new Date(),
        matched_at: new Date(),
        match_decision: "exact",
        match_detail: { decision: "exact", order_id: order.orderId, amount_kes: order.totalKes, capture_amount: order.totalKes },
        order_id: order.orderId,
        payment_collection_id: data.order.payment_collections[0].id,
      })
      await ageRow(transId)
      return transId
    }
    const announced = (transId: string) => eventually(async () => ((await c2b.rows({ trans_id: transId }))[0]?.announced_at ? true : undefined))
    const runJob = () => reconcileMpesaC2bJob(getContainer())

    it("cut off before Medusa's capture: the job captures it once, tagged with the TransID, and the order turns paid", async () => {
      const order = await c2b.awaitingOrder({ cancelPrompt: true })
      const transId = await decidedButNotCaptured(order)
      expect(await capturesOf(order.orderId)).toEqual([])

      await runJob()
      const [row] = await c2b.rows({ trans_id: transId })
      expect(row).toMatchObject({ state: "captured", captured_at: expect.any(Date) })
      expect(await capturesOf(order.orderId)).toEqual([expect.objectContaining({ amount: order.totalKes, created_by: `mpesa-c2b:${transId}` })])
      await c2b.paymentStatus(order.orderId, "captured")
      // Its payment.captured went out and arrived this time.
      await announced(transId)

      await ageRow(transId)
      await runJob()
      expect(await capturesOf(order.orderId)).toHaveLength(1)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("cut off after Medusa's capture, before the ledger noted it: the job notes it and never captures twice", async () => {
      const order = await c2b.awaitingOrder({ cancelPrompt: true })
      const paid = await c2b.payPaybill(order.displayId, order.totalKes)
      const settled = await c2b.settled(paid.transId)
      expect(await capturesOf(order.orderId)).toEqual([expect.objectContaining({ created_by: `mpesa-c2b:${paid.transId}` })])
      await announced(paid.transId)
      // What a worker killed between Medusa's capture and the ledger's note leaves behind.
      await c2b.mpesa().updateC2bPayments({ id: settled.id, captured_at: null })
      await ageRow(paid.transId)

      await runJob()
      const [row] = await c2b.rows({ trans_id: paid.transId })
      expect(row).toMatchObject({ state: "captured", captured_at: expect.any(Date) })
      expect(await capturesOf(order.orderId)).toHaveLength(1)
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("cut off, then the order paid another way: the payment goes to the merchant, never captured on top", async () => {
      const order = await c2b.awaitingOrder()
      const transId = await decidedButNotCaptured(order)
      // The shopper also answered the prompt: the order is paid in full by STK.
      sim.approve(order.checkoutRequestId)
      await c2b.paymentStatus(order.orderId, "captured")

      await runJob()
      const [row] = await c2b.rows({ trans_id: transId })
      expect(row).toMatchObject({ state: "review", flag: "capture_overtaken", captured_at: null })
      expect((await capturesOf(order.orderId)).map((c) => c.created_by)).toEqual([null])
      const { data } = await api.get("/admin/mpesa/c2b/payments?state=review", shop.admin())
      // In the merchant's queue, to refund or match to another order.
      expect(data.payments.find((p: any) => p.trans_id === transId)).toMatchObject({ flag: "capture_overtaken", order_id: order.orderId })
      const audit = await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
      expect(audit.inReview).toBe(order.totalKes)
    })

    it("captured and noted, but the worker died before its events went out: announced by reconciliation, once", async () => {
      const order = await c2b.awaitingOrder({ cancelPrompt: true })
      const { id, transId } = await receivedPayment(order)
      // The settle run captures in Medusa and in the ledger, then its worker dies before the
      // workflow releases its grouped events: what a SIGKILL at that moment leaves behind.
      await settleMpesaC2bPaymentWorkflow(getContainer()).run({ input: { id, event: { type: "confirmed" } }, context: { preventReleaseEvents: true } })
      const [row] = await c2b.rows({ id })
      expect(row).toMatchObject({ state: "captured", announced_at: null })
      expect(row.captured_at).not.toBeNull()
      expect(await logged(getContainer(), { template: "payment-received", order_id: order.orderId })).toEqual([])

      await c2b.mpesa().updateC2bPayments({ id, captured_at: new Date(Date.now() - 3 * 60_000) })
      await reconcileMpesaPaymentsJob(getContainer())
      const received = await eventually(async () => {
        const rows = await logged(getContainer(), { template: "payment-received", order_id: order.orderId })
        return rows.length >= 2 ? rows : undefined
      })
      expect(received.map((m) => m.channel).sort()).toEqual(["email", "sms"])
      await announced(transId)
      expect(await announceMissedMpesaCaptures(getContainer(), new Date(Date.now() + 10 * 60_000))).toEqual({ announced: 0, errors: 0 })
      await expectMoneyAuditHolds(getContainer(), sim, order.orderId)
    })

    it("a run still inside its lock's time is left alone", async () => {
      const order = await c2b.awaitingOrder({ cancelPrompt: true })
      const transId = await decidedButNotCaptured(order)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)
        .raw(`UPDATE mpesa_c2b_payment SET updated_at = now() WHERE trans_id = ?`, [transId])
      await runJob()
      expect(await capturesOf(order.orderId)).toEqual([])
      expect((await c2b.rows({ trans_id: transId }))[0]).toMatchObject({ state: "captured", captured_at: null })
    })

    it("the STK outcome and a paybill capture writing the payment session at once keep each other's keys", async () => {
      // Medusa replaces a session's data whole; each of our writers reads, merges and writes it back.
      const order = await c2b.awaitingOrder()
      const { data } = await api.get(`/admin/orders/${order.orderId}?fields=payment_collections.id,payment_collections.payment_sessions.id`, shop.admin())
      const collection = data.order.payment_collections[0]
      const sessionId = collection.payment_sessions[0].id as string
      const stkWrite = createWorkflow("test-mpesa-session-stk-write", (input: { session_id: string; patch: Record<string, unknown> }) => new WorkflowResponse(updateMpesaSessionDataStep(input as never)))
      const c2bWrite = createWorkflow("test-mpesa-session-c2b-write", (plan: Record<string, unknown>) => new WorkflowResponse(prepareC2bCaptureStep(plan as never)))
      const container = getContainer()
      await Promise.all([
        ...Array.from({ length: 8 }, (_, i) => stkWrite(container).run({ input: { session_id: sessionId, patch: { [`probe_${i}`]: i } } })),
        c2bWrite(container).run({
          input: { session_id: sessionId, payment_collection_id: collection.id, order_id: order.orderId, amount: order.totalKes, trans_id: "UAB1RACE01", full: true, balance_kes: 0 },
        }),
      ])
      const session = await container.resolve(Modules.PAYMENT).retrievePaymentSession(sessionId)
      expect(session.data).toEqual(expect.objectContaining({ c2b_authorized: true, c2b_receipts: ["UAB1RACE01"], ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`probe_${i}`, i])) }))
    })
  },
})
