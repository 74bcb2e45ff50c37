import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { purgeMpesaLogs } from "@soko/medusa-plugin-mpesa/lib/purge-logs"
import { reconcileMpesaPayments } from "@soko/medusa-plugin-mpesa/lib/reconcile"
import { reconcileMpesaRefunds } from "@soko/medusa-plugin-mpesa/lib/reconcile-refunds"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordStkRequestsStep, recordStkRequestsWorkflow, routeMpesaCaptureStep } from "@soko/medusa-plugin-mpesa/workflows"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "../helpers/admin"
import { expectMoneyAuditHolds } from "../helpers/money-audit"
import { failedStkCallback, paidStkCallback, useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { mpesaScenarios } from "../helpers/mpesa-scenarios"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

// Workflows that run one plugin step in isolation, to reach a moment a race would otherwise pick.
const routeCaptureOnly = createWorkflow("test-route-mpesa-capture", (input: { session_id: string }) =>
  new WorkflowResponse(routeMpesaCaptureStep(input))
)
const failAfterRecording = createWorkflow("test-record-then-fail", (input: { payment_collection_id: string }) => {
  recordStkRequestsStep(input)
  createStep("test-fail", async (): Promise<StepResponse<undefined>> => {
    throw new Error("a later step failed")
  })()
  return new WorkflowResponse(undefined)
})

// Daraja calls give up after 8 s here, so a slow reversal is an "unknown" outcome.
const simulator = useDarajaSimulator({ MPESA_REQUEST_TIMEOUT_MS: "8000" })
// A reply slower than that timeout (the client gives up: outcome unknown), far enough above it that a busy machine
// never makes an ordinary call look like one.
const SLOWER_THAN_TIMEOUT_MS = 20_000
let sim: Simulator

/**
 * The money path's defects (issue 15), each through public APIs and the
 * simulator, each ending with the money audit: Safaricom's ledger, Medusa's
 * captured minus refunded and Soko's ledger agree for the order.
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

    const { mpesa, pushSession, request, orderPayment, postCallback, paidOrder, refund, refunded } = mpesaScenarios({
      api,
      getContainer,
      sim: () => sim,
      store: () => store,
      admin: () => admin,
    })

    describe("money out", () => {
      it("1. four refund requests at once send one reversal; the order is refunded once", async () => {
        const { orderId, paidKes } = await paidOrder()
        const replies = await Promise.all(Array.from({ length: 4 }, () => refund(orderId)))
        const statuses = replies.map((r: any) => r.status).sort()
        expect(statuses.filter((s: number) => s === 202)).toHaveLength(1)
        for (const refusal of replies.filter((r: any) => r.status !== 202)) {
          expect([400, 409]).toContain(refusal.status)
          expect(refusal.data.message).toMatch(/already waiting|being requested right now|already been reversed/)
        }
        await refunded(orderId)
        expect(sim.listRequests({ endpoint: "reversal" })).toHaveLength(1)
        expect(sim.listRequests({ endpoint: "b2c" })).toHaveLength(0)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.safaricom).toEqual({ in: paidKes, out: paidKes, net: 0 })
      })

      it("1. a reversal that times out blocks a B2C partial until Transaction Status settles it", async () => {
        const { orderId, paidKes } = await paidOrder()
        // Safaricom reverses at once but answers after the client has given up.
        sim.addOverride({ endpoint: "reversal", latencyMs: SLOWER_THAN_TIMEOUT_MS })
        const slow = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(slow.status).toBe(202)
        expect(slow.data.refund.status).toBe("unknown")
        expect(slow.data.message).toMatch(/did not answer/)

        const partial = await api
          .post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 100 }, admin)
          .catch((e: any) => e.response)
        expect(partial.status).toBe(400)
        expect(partial.data.message).toMatch(/no answer from Safaricom|already waiting|already been reversed/)

        const order = await refunded(orderId)
        expect(order.payment_status).toBe("refunded")
        const [refund] = await mpesa().listReversals({ order_id: orderId })
        expect(refund).toEqual(expect.objectContaining({ method: "reversal", status: "reversed" }))
        expect(refund.refund_recorded_at).not.toBeNull()
        const again = await api.post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 100 }, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(sim.listRequests({ endpoint: "b2c" })).toHaveLength(0)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.safaricom.out).toBe(paidKes)
      })

      const resolve = (refundId: string, body: unknown) =>
        api.post(`/admin/mpesa/refunds/${refundId}/resolve`, body, admin).catch((e: any) => e.response)
      const refundsBlocked = async (orderId: string) => {
        const partial = await api.post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 100 }, admin).catch((e: any) => e.response)
        expect(partial.status).toBe(400)
        expect(sim.listRequests({ endpoint: "b2c" })).toHaveLength(0)
      }

      it("1. a reversal Daraja never answered blocks refunds until the merchant names its receipt, which Transaction Status confirms", async () => {
        const { orderId, paidKes } = await paidOrder()
        // Safaricom reverses, answers after the client gave up, and its Result never comes.
        sim.addOverride({ endpoint: "reversal", latencyMs: SLOWER_THAN_TIMEOUT_MS, callback: { skip: true } })
        const slow = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(slow.data.refund.status).toBe("unknown")
        const refundId = slow.data.refund.id as string
        // Reconciliation has no id to ask Transaction Status about: it stays unknown, and blocks.
        await reconcileMpesaRefunds(getContainer(), new Date(Date.now() + 3_600_000))
        expect((await mpesa().retrieveReversal(refundId)).status).toBe("unknown")
        await refundsBlocked(orderId)

        const before = await mpesa().retrieveReversal(refundId)
        for (const [body, status] of [
          [{}, 400],
          [{ receipt: "UZZ9YY8XX7", found_nothing: true }, 400],
          [{ receipt: "not a receipt" }, 400],
          [{ receipt: before.receipt_number }, 400],
        ] as const) {
          const res = await resolve(refundId, body)
          expect(res.status).toBe(status)
          expect(res.data.message).toMatch(/receipt|found_nothing/)
        }
        expect((await resolve("mrev_NOPE", { found_nothing: true })).status).toBe(404)
        expect((await resolve("mrev%00x", { found_nothing: true })).status).toBe(404)
        expect(await mpesa().retrieveReversal(refundId)).toEqual(expect.objectContaining({ status: "unknown", claimed_receipt: null }))

        // A mistyped receipt: Safaricom does not know it, which proves nothing; still unknown.
        const typo = await resolve(refundId, { receipt: "UNOTREAL01" })
        expect(typo.status).toBe(202)
        await eventually(async () => {
          const logs = await mpesa().listCallbackLogs({ kind: "status" }, { order: { created_at: "DESC" } })
          return logs.some((l: any) => /does not know receipt UNOTREAL01/.test(l.detail ?? "")) ? true : undefined
        })
        expect((await mpesa().retrieveReversal(refundId)).status).toBe("unknown")

        // The receipt on the statement: Transaction Status confirms it, and Medusa records the refund.
        const [reversal] = sim.listLedger().reversals
        const named = await resolve(refundId, { receipt: reversal.receipt.toLowerCase() })
        expect(named.status).toBe(202)
        const order = await refunded(orderId)
        expect(order.payment_status).toBe("refunded")
        expect(await mpesa().retrieveReversal(refundId)).toEqual(
          expect.objectContaining({ status: "reversed", claimed_receipt: reversal.receipt, refund_recorded_at: expect.anything() })
        )
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.safaricom.out).toBe(paidKes)
        // Settled: no more hand resolution.
        const settled = await resolve(refundId, { found_nothing: true })
        expect(settled.status).toBe(409)
        expect(settled.data.message).toMatch(/This refund is reversed/)
      })

      it("1. a reversal lost before it reached Safaricom: the merchant's 'found nothing' unblocks a new refund", async () => {
        const { orderId, paidKes } = await paidOrder()
        // A gateway error page (not Daraja's envelope): the request may or may not have got through.
        sim.addOverride({ endpoint: "reversal", fault: { status: 503, body: "<html><body>Service Unavailable</body></html>" } })
        const lost = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(lost.data.refund.status).toBe("unknown")
        await refundsBlocked(orderId)

        const resolved = await resolve(lost.data.refund.id, { found_nothing: true })
        expect(resolved.status).toBe(200)
        expect(resolved.data.refund).toEqual(expect.objectContaining({ status: "failed", claimed_by: expect.any(String) }))
        const again = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(again.status).toBe(202)
        await refunded(orderId)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.safaricom.out).toBe(paidKes)
      })

      it("3. a forged refund result settles nothing: only Transaction Status records a refund", async () => {
        const { orderId } = await paidOrder()
        // Safaricom refuses the reversal (it does not know the receipt) …
        sim.reset()
        await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        const [refund] = await eventually(async () => {
          const rows = await mpesa().listReversals({ order_id: orderId, status: "failed" })
          return rows.length ? rows : undefined
        })
        // … and a forged "success" result for it, with the callback secret, changes nothing.
        const forged = await api.post("/hooks/daraja/reversal/dev-callback", {
          Result: {
            ResultType: 0,
            ResultCode: 0,
            ResultDesc: "The service request is processed successfully.",
            OriginatorConversationID: refund.originator_conversation_id,
            ConversationID: refund.conversation_id,
            TransactionID: "UAB1CD2EF3",
          },
        })
        expect(forged.status).toBe(200)
        await eventually(async () => {
          const logs = await mpesa().listCallbackLogs({ kind: "reversal" })
          return logs.length && logs.every((l: any) => l.outcome !== "received") ? true : undefined
        })
        const [after] = await mpesa().listReversals({ id: refund.id })
        expect(after.status).toBe("failed")
        expect((await orderPayment(orderId)).payment_status).toBe("captured")
      })
    })

    describe("money in", () => {
      it("3. a forged failure callback for an open prompt changes nothing; the real payment then captures", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        // An interactive number: the prompt waits on the phone until approved.
        const pushed = await pushSession(paymentCollectionId, "0711222333")
        await postCallback(failedStkCallback({ merchantRequestId: pushed.merchant_request_id, checkoutRequestId: pushed.checkout_request_id }))
        expect((await request(pushed.checkout_request_id)).status).toBe("pending")
        const { data: shown } = await api.get(`/store/mpesa/status?cart_id=${cartId}`, store)
        expect(shown.status).toBe("pending")

        sim.approve(pushed.checkout_request_id)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))
        expect((await request(pushed.checkout_request_id)).status).toBe("paid")
        await expectMoneyAuditHolds(getContainer(), sim, orderId)
      })

      it("4. a success that STK Query disputes goes to review and reconciliation never downgrades it", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        // The shopper cancels (1032), but Daraja's own callback is late …
        sim.addOverride({ endpoint: "stkpush", callback: { delayMs: 120_000 } })
        const pushed = await pushSession(paymentCollectionId, "0700000001")
        await eventually(async () => (sim.getTransaction(pushed.checkout_request_id)?.status === "settled" ? true : undefined))
        // … and a "paid" callback arrives first.
        await postCallback(
          paidStkCallback({
            merchantRequestId: pushed.merchant_request_id,
            checkoutRequestId: pushed.checkout_request_id,
            // The push route records its ledger row just after answering.
            amount: (await eventually(() => request(pushed.checkout_request_id))).amount_kes,
            receipt: "UAB1CD2EF9",
          })
        )
        expect(await request(pushed.checkout_request_id)).toEqual(expect.objectContaining({ status: "review", flag: "query_disagrees" }))

        await reconcileMpesaPayments(getContainer(), new Date(Date.now() + 3_601_000))
        expect((await request(pushed.checkout_request_id)).status).toBe("review")
        // The shopper is told to wait for the shop, never to pay again.
        const { data: shown } = await api.get(`/store/mpesa/status?cart_id=${cartId}`, store)
        expect(shown).toEqual(expect.objectContaining({ status: "pending", can_retry: false }))
        expect(shown.shopper_message).toMatch(/do not pay again/)
      })

      it("8. reconciliation backs off a push whose STK Query keeps failing, still settles others, and sends it to review past the maximum age", async () => {
        const stuck = await cartReadyForPayment(api, store)
        const lost = await cartReadyForPayment(api, store, { email: "other@example.com" })
        sim.addOverride({ endpoint: "stkquery", phone: "254700000002", times: 0, fault: { status: 500 } })
        const a = await pushSession(stuck.paymentCollectionId, "0700000002")
        sim.addOverride({ endpoint: "stkpush", phone: "254708374149", callback: { skip: true } })
        const b = await pushSession(lost.paymentCollectionId, "0708374149")
        await eventually(async () => (sim.getTransaction(b.checkout_request_id)?.status === "settled" ? true : undefined))

        const hour = Date.now() + 3_601_000
        const first = await reconcileMpesaPayments(getContainer(), new Date(hour))
        expect(first.decisions.map((d) => d.checkout_request_id).sort()).toEqual([a.checkout_request_id, b.checkout_request_id].sort())
        expect((await request(b.checkout_request_id)).status).toBe("paid")
        expect(await request(a.checkout_request_id)).toEqual(expect.objectContaining({ status: "pending", query_failures: 1 }))

        // Ten seconds later the failing push waits out its backoff.
        const again = await reconcileMpesaPayments(getContainer(), new Date(hour + 10_000))
        expect(again.decisions.map((d) => d.checkout_request_id)).not.toContain(a.checkout_request_id)

        // A day later: one last check, then the merchant's review queue instead of forever.
        const day = await reconcileMpesaPayments(getContainer(), new Date(Date.now() + 25 * 3_600_000))
        expect(day.decisions).toEqual([expect.objectContaining({ checkout_request_id: a.checkout_request_id, action: "flag" })])
        expect(await request(a.checkout_request_id)).toEqual(expect.objectContaining({ status: "review", flag: "unresolved" }))
      })

      it("5. a paid push whose session was replaced goes to review and is never marked captured", async () => {
        const { paymentCollectionId } = await cartReadyForPayment(api, store)
        sim.addOverride({ endpoint: "stkpush", callback: { delayMs: 120_000 } })
        const first = await pushSession(paymentCollectionId, "0708374149")
        await eventually(async () => (sim.getTransaction(first.checkout_request_id)?.status === "settled" ? true : undefined))
        // The shopper starts over on another phone: Medusa replaces the payment session.
        await pushSession(paymentCollectionId, "0700000001")
        const entry = sim.listLedger().payments.find((p) => p.checkoutRequestId === first.checkout_request_id)!
        const body = paidStkCallback({
          merchantRequestId: first.merchant_request_id,
          checkoutRequestId: first.checkout_request_id,
          amount: entry.amount,
          receipt: entry.receipt,
        })
        await postCallback(body)
        await postCallback(body)
        expect(await request(first.checkout_request_id)).toEqual(
          expect.objectContaining({ status: "review", flag: "paid_after_session_closed", captured_at: null })
        )
      })

      it("5. a second paid push on one session goes to review, not silently captured", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        // The first prompt waits on the shopper's phone (an interactive number) …
        const first = await pushSession(paymentCollectionId, "0711222333")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        // … the merchant sends one to another phone, which pays, and then the first is approved too.
        const { data: resent } = await api.post(`/admin/orders/${orderId}/mpesa/resend`, { phone: "0708374149" }, admin)
        const second = resent.transaction.checkout_request_id
        expect(second).not.toBe(first.checkout_request_id)
        await eventually(async () => ((await orderPayment(orderId)).payment_status === "captured" ? true : undefined))
        sim.approve(first.checkout_request_id)
        const entry = await eventually(async () => sim.listLedger().payments.find((p) => p.checkoutRequestId === first.checkout_request_id))
        // The later payment is the second one: one captured, the other held for the merchant.
        const rows = await eventually(async () => {
          const both = [await request(first.checkout_request_id), await request(second)]
          return both.every((r) => r.status !== "pending") ? both : undefined
        })
        expect(rows.filter((r) => r.status === "paid" && r.captured_at)).toHaveLength(1)
        expect(rows.filter((r) => r.status === "review" && r.flag === "second_payment" && !r.captured_at)).toHaveLength(1)
        const order = await orderPayment(orderId)
        expect(order.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))).toHaveLength(1)
        const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId)
        expect(audit.inReview).toBe(entry.amount)
      })
    })

    describe("ledger writes", () => {
      it("5. a capture whose payment session vanished after the decision is routed to review, never marked captured", async () => {
        const { result } = await routeCaptureOnly(getContainer()).run({ input: { session_id: "payses_gone_0000" } })
        expect(result).toEqual({ route: "gone", amount: 0 })
      })

      it("the push's ledger row is written by a workflow step that removes it again when the workflow fails", async () => {
        const { paymentCollectionId } = await cartReadyForPayment(api, store)
        const pushed = await pushSession(paymentCollectionId, "0708374149")
        const row = await eventually(() => request(pushed.checkout_request_id))
        await mpesa().deleteStkRequests(row.id)

        const { errors } = await failAfterRecording(getContainer()).run({
          input: { payment_collection_id: paymentCollectionId },
          throwOnError: false,
        })
        expect(errors.length).toBeGreaterThan(0)
        expect(await request(pushed.checkout_request_id)).toBeUndefined()

        await recordStkRequestsWorkflow(getContainer()).run({ input: { payment_collection_id: paymentCollectionId } })
        expect(await request(pushed.checkout_request_id)).toEqual(
          expect.objectContaining({ status: "pending", payment_collection_id: paymentCollectionId, phone: "254708374149" })
        )
      })
    })

    describe("privacy", () => {
      it("10. the cart as the store API returns it holds no phone number, not even inside Daraja's CheckoutRequestID", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        const pushed = await pushSession(paymentCollectionId, "0708374149")
        expect(pushed.checkout_request_id).toMatch(/708374149$/)
        const { data } = await api.get(`/store/carts/${cartId}?fields=*payment_collection.payment_sessions`, store)
        const shown = JSON.stringify(data.cart.payment_collection.payment_sessions)
        expect(shown).toContain("2547***149")
        expect(shown).not.toContain("708374149")
      })

      it("10. callback logs are deleted after their retention; newer ones are kept", async () => {
        for (const id of ["ws_CO_1", "ws_CO_2", "ws_CO_3"]) {
          await postCallback(failedStkCallback({ merchantRequestId: "1-2-3", checkoutRequestId: id }))
        }
        expect(await mpesa().listCallbackLogs({})).toHaveLength(3)
        expect(await purgeMpesaLogs(getContainer())).toEqual({ callbacks: 0, attempts: 0 })
        // 91 days on (the default keeps 90): all three go.
        const purged = await purgeMpesaLogs(getContainer(), new Date(Date.now() + 91 * 86_400_000))
        expect(purged.callbacks).toBe(3)
        expect(await mpesa().listCallbackLogs({})).toHaveLength(0)
      })
    })

    describe("hooks", () => {
      const hooks = ["stk", "reversal", "b2c", "status"]

      it("6. a wrong secret gets 404 and writes nothing, on every hook", async () => {
        const before = (await mpesa().listCallbackLogs({})).length
        const replies = await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            api
              .post(`/hooks/daraja/${hooks[i % hooks.length]}/guess-${i}`, { Body: { stkCallback: { CheckoutRequestID: `ws_CO_${i}`, ResultCode: 0 } } })
              .catch((e: any) => e.response)
          )
        )
        expect(replies.every((r: any) => r.status === 404)).toBe(true)
        expect((await mpesa().listCallbackLogs({})).length).toBe(before)
      })

      it.each(hooks)("6. %s: NUL characters and wrong shapes get a 4xx, never a 500", async (hook) => {
        const bodies: unknown[] = [
          { Body: { stkCallback: { CheckoutRequestID: "ws_CO_\u0000", ResultCode: 0, ResultDesc: "a\u0000b" } } },
          { Result: { ResultCode: "\u0000", ConversationID: "\u0000", OriginatorConversationID: "x\u0000" } },
          [1, 2, 3],
          { Body: "x".repeat(10_000) },
          { Result: { ResultCode: 0, ResultParameters: { ResultParameter: Array.from({ length: 500 }, (_, i) => ({ Key: `k${i}`, Value: "\u0000" })) } } },
        ]
        for (const body of bodies) {
          const res = await api.post(`/hooks/daraja/${hook}/dev-callback`, body).catch((e: any) => e.response)
          expect(res.status).toBeGreaterThanOrEqual(200)
          expect(res.status).toBeLessThan(500)
        }
        const stored = await mpesa().listCallbackLogs({ kind: hook })
        expect(JSON.stringify(stored.map((l: any) => l.body))).not.toContain("\\u0000")
      })
    })
  },
})
