import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { reconcileMpesaPayments } from "@soko/medusa-plugin-mpesa/lib/reconcile"
import { announceMissedMpesaCaptures } from "@soko/medusa-plugin-mpesa/lib/reconcile-announcements"
import reconcileMpesaPaymentsJob from "@soko/medusa-plugin-mpesa/jobs/reconcile-mpesa-payments"
import { settleStkRequestWorkflow } from "@soko/medusa-plugin-mpesa/workflows"
import { logged } from "../helpers/notifications"
import { adminHeaders } from "../helpers/admin"
import { checkoutIdOf, paidInLedger, paidStkCallback, useDarajaSimulator, type Simulator } from "../helpers/mpesa-app"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

const simulator = useDarajaSimulator()
let sim: Simulator

appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: { headers: Record<string, string> }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before every test.
    beforeAll(async () => {
      const { publishableKey } = await runSeed(getContainer())
      store = { headers: { "x-publishable-api-key": publishableKey } }
    })
    beforeEach(() => {
      sim = simulator()
      sim.reset()
    })

    const pushSession = (paymentCollectionId: string, phone: string) =>
      api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_mpesa_mpesa", data: { phone } },
        store
      )

    const status = async (ref: string) => (await api.get(`/store/mpesa/status?${ref}`, store)).data

    const settled = (ref: string) =>
      eventually(async () => {
        const s = await status(ref)
        return s.status === "pending" ? undefined : s
      })

    describe("M-Pesa through the store API", () => {
      it("offers M-Pesa in Kenya: push, order awaiting, callback, paid with receipt", async () => {
        const { data: providers } = await api.get(
          `/store/payment-providers?region_id=${(await api.get("/store/regions", store)).data.regions.find((r: any) => r.currency_code === "kes").id}`,
          store
        )
        expect(providers.payment_providers.map((p: { id: string }) => p.id)).toContain("pp_mpesa_mpesa")

        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store, { quantity: 2 })
        const { data: cartBody } = await api.get(`/store/carts/${cartId}?fields=total`, store)
        const { data } = await pushSession(paymentCollectionId, "0708374149")
        const session = data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_mpesa_mpesa")
        // VAT-inclusive whole-shilling prices: the push is exactly the cart total.
        expect(session.data).toEqual(
          expect.objectContaining({ status: "pending", phone_masked: "2547***149", amount_kes: cartBody.cart.total })
        )
        // Whoever holds the cart id reads this: no credential and no full phone number, not even
        // inside Daraja's CheckoutRequestID, which ends with the phone's last nine digits.
        const serialized = JSON.stringify(session.data)
        expect(session.data.checkout_request_id).toBeUndefined()
        expect(checkoutIdOf(getContainer(), session.data)).toMatch(/^ws_CO_\d+708374149$/)
        for (const secret of ["soko-simulator", "bfb279f9aa9bdbcf", "Password", "consumer", "254708374149", "0708374149", "708374149"]) {
          expect(serialized).not.toContain(secret)
        }

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const orderId = completed.order.id

        const final = await settled(`cart_id=${cartId}`)
        expect(final).toEqual(
          expect.objectContaining({ status: "paid", amount_kes: cartBody.cart.total, order_id: orderId, can_retry: false })
        )
        expect(final.receipt).toMatch(/^[A-Z0-9]{10}$/)

        const admin = await adminHeaders(getContainer(), api)
        const order = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
          return data.order.payment_status === "captured" ? data.order : undefined
        })
        expect(order.payment_status).toBe("captured")
      })

      it("a callback that arrives before the shopper places the order: one order, captured once, announced once", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const paid = await settled(`cart_id=${cartId}`)
        expect(paid.status).toBe("paid")

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const orderId = completed.order.id
        const admin = await adminHeaders(getContainer(), api)
        const order = await eventually(async () => {
          const { data } = await api.get(
            `/admin/orders/${orderId}?fields=id,payment_status,payment_collections.payments.id,payment_collections.payments.captures.id`,
            admin
          )
          return data.order.payment_status === "captured" ? data.order : undefined
        })
        const payment = order.payment_collections[0].payments[0]
        expect(payment.captures).toHaveLength(1)

        // Cart completion captured it (no capture workflow ran), so the ledger settles and announces it.
        const view = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}/mpesa`, admin)
          return data.transactions[0]?.captured_at ? data : undefined
        })
        expect(view.transactions).toEqual([expect.objectContaining({ status: "paid", receipt_number: paid.receipt })])
        const received = await eventually(async () => {
          const rows = await logged(getContainer(), { template: "payment-received", order_id: orderId })
          return rows.length >= 2 ? rows : undefined
        })
        expect(received.map((m) => m.channel).sort()).toEqual(["email", "sms"])
      })

      it("a capture whose worker died before its events went out is announced by reconciliation: payment-received once", async () => {
        const mpesa = getContainer().resolve("mpesa") as any
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        // The callback is late, so this test's own settle run is the one that captures.
        sim.addOverride({ endpoint: "stkpush", callback: { delayMs: 120_000 } })
        const { data } = await pushSession(paymentCollectionId, "0711222333")
        const crid = checkoutIdOf(getContainer(), data.payment_collection.payment_sessions.find((s: any) => s.provider_id === "pp_mpesa_mpesa").data)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const orderId = completed.order.id
        sim.approve(crid)

        // The settle run captures in Medusa and in the ledger, then its worker dies before the
        // workflow releases its grouped events: what a SIGKILL at that moment leaves behind.
        const { result } = await settleStkRequestWorkflow(getContainer()).run({
          input: { checkout_request_id: crid },
          context: { preventReleaseEvents: true },
        })
        expect(result.action).toBe("pay")
        const [row] = await mpesa.listStkRequests({ checkout_request_id: crid })
        expect(row).toEqual(expect.objectContaining({ status: "paid", announced_at: null }))
        expect(row.captured_at).not.toBeNull()
        expect(await logged(getContainer(), { template: "payment-received", order_id: orderId })).toEqual([])

        // Minutes later the every-minute reconciliation job finds it unannounced and announces it.
        await mpesa.updateStkRequests({ id: row.id, captured_at: new Date(Date.now() - 3 * 60_000) })
        await reconcileMpesaPaymentsJob(getContainer())
        const received = await eventually(async () => {
          const rows = await logged(getContainer(), { template: "payment-received", order_id: orderId })
          return rows.length >= 2 ? rows : undefined
        })
        expect(received.map((m) => m.channel).sort()).toEqual(["email", "sms"])
        // The announcement's arrival is noted, so the next runs leave it alone.
        await eventually(async () => ((await mpesa.listStkRequests({ id: row.id }))[0].announced_at ? true : undefined))
        expect(await announceMissedMpesaCaptures(getContainer(), new Date(Date.now() + 10 * 60_000))).toEqual({ announced: 0, errors: 0 })
      })

      it("a capture announced as usual is never announced again", async () => {
        const mpesa = getContainer().resolve("mpesa") as any
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        await paidInLedger(getContainer(), completed.order.id)
        const row = await eventually(async () => {
          const [r] = await mpesa.listStkRequests({ order_id: completed.order.id, status: "paid" })
          return r?.announced_at ? r : undefined
        })
        expect(new Date(row.announced_at).getTime()).toBeGreaterThanOrEqual(new Date(row.captured_at).getTime())
        expect(await announceMissedMpesaCaptures(getContainer(), new Date(Date.now() + 10 * 60_000))).toEqual({ announced: 0, errors: 0 })
      })

      it("a cancelled prompt fails with the reason; a retry on the same cart pays it; one order", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0700000001")
        const failed = await settled(`cart_id=${cartId}`)
        expect(failed).toEqual(expect.objectContaining({ status: "cancelled", can_retry: true, message_key: "code_1032" }))
        expect(failed.shopper_message).toMatch(/cancel/i)

        const { data: retried } = await api.post("/store/mpesa/retry", { cart_id: cartId, phone: "0708374149" }, store)
        expect(retried.status).toBe("pending")
        expect((await settled(`cart_id=${cartId}`)).status).toBe("paid")

        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(completed.type).toBe("order")
        const admin = await adminHeaders(getContainer(), api)
        const { data } = await api.get(`/admin/orders/${completed.order.id}?fields=id,payment_status`, admin)
        expect(data.order.payment_status).toBe("captured")
        const again = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        expect(again.data.order?.id ?? again.data.type).toBe(completed.order.id)
      })

      it("refuses a non-KES cart with a message naming the currency", async () => {
        const { paymentCollectionId } = await cartReadyForPayment(api, store, { currency: "usd" })
        const error = await pushSession(paymentCollectionId, "0708374149").catch((e: any) => e.response)
        expect(error.status).toBeGreaterThanOrEqual(400)
        expect(error.status).toBeLessThan(500)
        // International is a USD region: Medusa refuses M-Pesa there before the provider's own KES check.
        expect(error.data.message).toMatch(/KES|pp_mpesa_mpesa is not enabled/)
        expect(sim.listRequests({ endpoint: "stkpush" })).toHaveLength(0)
      })

      it("captures once when the same paid callback is replayed 10 times at once", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        sim.updateSettings({ callbackDelayMs: 1500 })
        sim.addOverride({ endpoint: "stkpush", callback: { delayMs: 60_000 } })
        const { data } = await pushSession(paymentCollectionId, "0708374149")
        const checkoutId = checkoutIdOf(getContainer(), data.payment_collection.payment_sessions[0].data)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        // the prompt was approved; take the exact callback Daraja sends and replay it
        await eventually(async () => (sim.getTransaction(checkoutId)?.status === "settled" ? true : undefined))
        const entry = sim.listLedger().payments.find((e: any) => e.checkoutRequestId === checkoutId)!
        const body = paidStkCallback({
          merchantRequestId: data.payment_collection.payment_sessions[0].data.merchant_request_id,
          checkoutRequestId: checkoutId,
          amount: entry.amount,
          receipt: entry.receipt,
        })
        const replies = await Promise.all(
          Array.from({ length: 10 }, () => api.post("/hooks/daraja/stk/dev-callback", body).then((r: any) => r.status))
        )
        expect(replies.every((s) => s === 200)).toBe(true)
        const paid = await settled(`cart_id=${cartId}`)
        expect(paid.status).toBe("paid")
        const admin = await adminHeaders(getContainer(), api)
        const order = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status,payment_collections.payments.captures.id`, admin)
          return data.order.payment_status === "captured" ? data.order : undefined
        })
        const captures = order.payment_collections.flatMap((pc: any) => pc.payments.flatMap((p: any) => p.captures))
        expect(captures).toHaveLength(1)
        const mpesa = getContainer().resolve("mpesa") as any
        const logs = await eventually(async () => {
          const l = await mpesa.listCallbackLogs({ checkout_request_id: checkoutId })
          return l.length >= 10 && l.every((x: any) => x.outcome !== "received") ? l : undefined
        })
        expect(logs.filter((l: any) => l.outcome === "pay")).toHaveLength(1)
      })

      it("ignores spoofed and unknown callbacks, rejects malformed ones, sends amount-mismatched ones to review", async () => {
        const mpesa = getContainer().resolve("mpesa") as any
        const wrongSecret = await api
          .post("/hooks/daraja/stk/guessed-secret", { Body: { stkCallback: { CheckoutRequestID: "ws_CO_x", ResultCode: 0 } } })
          .catch((e: any) => e.response)
        expect(wrongSecret.status).toBe(404)

        const malformed = await api
          .post("/hooks/daraja/stk/dev-callback", { Body: { stkCallback: { ResultCode: "<script>alert(1)</script>", CheckoutRequestID: 5 } } })
          .catch((e: any) => e.response)
        expect(malformed.status).toBe(400)

        const hostile = await api
          .post("/hooks/daraja/stk/dev-callback", {
            Body: { stkCallback: { MerchantRequestID: "1", CheckoutRequestID: "ws_CO_1'; DROP TABLE \"order\";--", ResultCode: 1032, ResultDesc: "<img src=x onerror=alert(1)>" } },
          })
          .catch((e: any) => e.response)
        expect([200, 400]).toContain(hostile.status)

        const unknown = await api.post("/hooks/daraja/stk/dev-callback", {
          Body: { stkCallback: { MerchantRequestID: "1-2-3", CheckoutRequestID: "ws_CO_21112026000000000700000009", ResultCode: 1032, ResultDesc: "Request cancelled by user" } },
        })
        expect(unknown.status).toBe(200)
        expect(await getContainer().resolve("__pg_connection__").schema.hasTable("order")).toBe(true)

        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        sim.addOverride({ endpoint: "stkpush", callback: { amount: 1 } })
        const { data: pushed } = await pushSession(paymentCollectionId, "0708374149")
        const checkoutId = checkoutIdOf(getContainer(), pushed.payment_collection.payment_sessions[0].data)
        // The decision writes the callback log, then the request: wait for both.
        await eventually(async () => {
          const [log] = await mpesa.listCallbackLogs({ checkout_request_id: checkoutId })
          const [stk] = await mpesa.listStkRequests({ checkout_request_id: checkoutId })
          return log && log.outcome !== "received" && stk?.status !== "pending" ? log : undefined
        })
        const logs = await mpesa.listCallbackLogs({})
        const outcomes = logs.map((l: any) => l.outcome)
        expect(outcomes.filter((o: string) => o === "flag")).toHaveLength(1)
        expect(outcomes.filter((o: string) => o === "unmatched").length).toBeGreaterThanOrEqual(1)
        expect(outcomes.filter((o: string) => o === "rejected").length).toBeGreaterThanOrEqual(2)
        expect(outcomes).not.toContain("pay")
        const [request] = await mpesa.listStkRequests({ checkout_request_id: checkoutId })
        expect(request.cart_id).toBe(cartId)
        expect(request.flag).toBe("amount_mismatch")
        expect(request.status).toBe("review")
        expect(request.captured_at).toBeNull()
      })

      it("settles a payment whose callback never came, through reconciliation", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        // settle well after "place order", so the order is placed awaiting payment
        sim.updateSettings({ callbackDelayMs: 4000 })
        sim.addOverride({ endpoint: "stkpush", callback: { skip: true } })
        const { data: pushed } = await pushSession(paymentCollectionId, "0708374149")
        const checkoutId = checkoutIdOf(getContainer(), pushed.payment_collection.payment_sessions[0].data)
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        expect((await status(`cart_id=${cartId}`)).status).toBe("pending")
        await eventually(async () => (sim.getTransaction(checkoutId)?.status === "settled" ? true : undefined))
        const later = new Date(Date.now() + 3_601_000)
        const summary = await reconcileMpesaPayments(getContainer(), later)
        expect(summary).toEqual(expect.objectContaining({ paid: 1, errors: 0 }))
        const [request] = await (getContainer().resolve("mpesa") as any).listStkRequests({ checkout_request_id: checkoutId })
        expect(request).toEqual(expect.objectContaining({ status: "paid", callback_received_at: null }))
        const admin = await adminHeaders(getContainer(), api)
        const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
        expect(data.order.payment_status).toBe("captured")
        expect((await status(`cart_id=${cartId}`)).status).toBe("paid")

        // The callback turns up after all: only it carries the receipt, which is kept; nothing is captured again.
        const entry = sim.listLedger().payments.find((e: any) => e.checkoutRequestId === checkoutId)!
        const late = await api.post(
          "/hooks/daraja/stk/dev-callback",
          paidStkCallback({
            merchantRequestId: sim.getTransaction(checkoutId)!.merchantRequestId,
            checkoutRequestId: checkoutId,
            amount: entry.amount,
            receipt: entry.receipt,
          })
        )
        expect(late.status).toBe(200)
        const withReceipt = await eventually(async () => {
          const [row] = await (getContainer().resolve("mpesa") as any).listStkRequests({ checkout_request_id: checkoutId })
          return row.receipt_number ? row : undefined
        })
        expect(withReceipt).toEqual(expect.objectContaining({ status: "paid", receipt_number: entry.receipt }))
        const { data: after } = await api.get(`/admin/orders/${orderId}?fields=id,payment_collections.payments.captures.id`, admin)
        expect(after.order.payment_collections[0].payments[0].captures).toHaveLength(1)
      })

      it("shows the merchant the ledger: order timeline, filters, unmatched callbacks, check now", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        const paid = await settled(`cart_id=${cartId}`)
        await api.post("/hooks/daraja/stk/dev-callback", {
          Body: { stkCallback: { MerchantRequestID: "1-2-3", CheckoutRequestID: "ws_CO_21112026000000000700000042", ResultCode: 1032, ResultDesc: "Request cancelled by user" } },
        })
        const admin = await adminHeaders(getContainer(), api)

        const orderView = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}/mpesa`, admin)
          return data.transactions[0]?.order_id === orderId && data.callbacks.length ? data : undefined
        })
        expect(orderView.transactions[0]).toEqual(
          expect.objectContaining({ status: "paid", receipt_number: paid.receipt, phone: "254708374149" })
        )
        expect(orderView.callbacks[0].outcome).toBe("pay")

        const byPhone = await api.get("/admin/mpesa/transactions?status=paid&phone=0708374149", admin)
        expect(byPhone.data.count).toBe(1)
        const byReceipt = await api.get(`/admin/mpesa/transactions?receipt=${paid.receipt.toLowerCase()}`, admin)
        expect(byReceipt.data.transactions.map((t: any) => t.order_id)).toEqual([orderId])
        const bad = await api.get("/admin/mpesa/transactions?status=bogus", admin).catch((e: any) => e.response)
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/status/)

        const unmatched = await eventually(async () => {
          const { data } = await api.get("/admin/mpesa/callbacks?matched=false", admin)
          return data.count ? data : undefined
        })
        expect(unmatched.callbacks.map((c: any) => c.checkout_request_id)).toContain("ws_CO_21112026000000000700000042")

        const { data: checked } = await api.post(`/admin/mpesa/requests/${orderView.transactions[0].id}/check`, {}, admin)
        expect(checked.transaction.status).toBe("paid")
        const resend = await api.post(`/admin/orders/${orderId}/mpesa/resend`, {}, admin).catch((e: any) => e.response)
        expect(resend.status).toBe(400)
        expect(resend.data.message).toMatch(/already paid/)
        const anonymous = await api.get("/admin/mpesa/transactions").catch((e: any) => e.response)
        expect(anonymous.status).toBe(401)
      })

      it("refunds through Reversal: pending until Safaricom confirms, then refunded in Medusa; failures keep the reason", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        await settled(`cart_id=${cartId}`)
        const admin = await adminHeaders(getContainer(), api)
        await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
          return data.order.payment_status === "captured" ? true : undefined
        })

        await paidInLedger(getContainer(), orderId)
        const { data: order } = await api.get(
          `/admin/orders/${orderId}?fields=id,payment_collections.payments.id,payment_collections.payments.amount`,
          admin
        )
        const payment = order.order.payment_collections[0].payments[0]
        const direct = await api.post(`/admin/payments/${payment.id}/refund`, { amount: payment.amount }, admin).catch((e: any) => e.response)
        expect(direct.status).toBe(400)
        expect(direct.data.message).toMatch(/Refund via M-Pesa/)

        const tooMuch = await api
          .post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 1_000_000 }, admin)
          .catch((e: any) => e.response)
        expect(tooMuch.status).toBe(400)
        expect(tooMuch.data.message).toMatch(/cannot be more than the payment/)
        const notWhole = await api.post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 1.5 }, admin).catch((e: any) => e.response)
        expect(notWhole.status).toBe(400)

        const requested = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(requested.status).toBe(202)
        expect(requested.data.refund).toMatchObject({ method: "reversal", status: "pending" })

        const refunded = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
          return data.order.payment_status === "refunded" ? data.order : undefined
        })
        expect(refunded.payment_status).toBe("refunded")
        const view = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}/mpesa`, admin)
          return data.reversals[0]?.refund_recorded_at ? data : undefined
        })
        expect(view.reversals).toEqual([expect.objectContaining({ status: "reversed" })])

        const again = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/already been reversed/)
      })

      it("pays partial refunds by B2C to the shopper's phone, each recorded in Medusa once Safaricom pays it", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        const paid = await settled(`cart_id=${cartId}`)
        const paidKes: number = paid.amount_kes
        const admin = await adminHeaders(getContainer(), api)
        const paymentOf = async () => {
          const { data } = await api.get(
            `/admin/orders/${orderId}?fields=id,payment_status,payment_collections.payments.refunds.amount`,
            admin
          )
          return data.order
        }
        await eventually(async () => ((await paymentOf()).payment_status === "captured" ? true : undefined))
        await paidInLedger(getContainer(), orderId)

        // A Daraja refusal at request time: kept with the reason, nothing paid, nothing recorded.
        sim.addOverride({ endpoint: "b2c", fault: { status: 500, errorCode: "500.003.02", errorMessage: "System is busy" } })
        const refused = await api.post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 100 }, admin).catch((e: any) => e.response)
        expect(refused.status).toBe(502)
        expect(refused.data.message).toMatch(/did not accept the B2C refund: .*busy/i)

        const first = await api.post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: 100 }, admin)
        expect(first.status).toBe(202)
        expect(first.data.refund).toMatchObject({ method: "b2c", status: "pending", amount_kes: 100, msisdn: "254708374149" })
        const afterFirst = await eventually(async () => {
          const order = await paymentOf()
          return order.payment_status === "partially_refunded" ? order : undefined
        })
        expect(afterFirst.payment_collections[0].payments[0].refunds.map((r: any) => Number(r.amount))).toEqual([100])

        const overLeft = await api
          .post(`/admin/orders/${orderId}/mpesa/refund`, { amount_kes: paidKes }, admin)
          .catch((e: any) => e.response)
        expect(overLeft.status).toBe(400)
        expect(overLeft.data.message).toContain(`Only KES ${paidKes - 100} of this payment (KES ${paidKes}) is left to refund`)

        // The rest, with no amount: B2C too, since a reversal would return the whole payment again.
        const rest = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        expect(rest.data.refund).toMatchObject({ method: "b2c", amount_kes: paidKes - 100 })
        await eventually(async () => ((await paymentOf()).payment_status === "refunded" ? true : undefined))

        const view = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}/mpesa`, admin)
          return data.reversals.filter((r: any) => r.refund_recorded_at).length === 2 ? data : undefined
        })
        expect(view.reversals.map((r: any) => [r.method, r.status])).toEqual([
          ["b2c", "failed"],
          ["b2c", "paid_out"],
          ["b2c", "paid_out"],
        ])
        const payouts = sim.listLedger().payouts
        expect(payouts.map((p) => [p.msisdn, p.amount]).sort()).toEqual(
          [["254708374149", 100], ["254708374149", paidKes - 100]].sort()
        )
        expect(view.reversals.filter((r: any) => r.status === "paid_out").map((r: any) => r.payout_receipt).sort()).toEqual(
          payouts.map((p) => p.receipt).sort()
        )

        // Replayed results change nothing.
        for (const record of sim.listCallbacks({ kind: "b2c" })) {
          await api.post(new URL(record.url).pathname, record.body)
        }
        const replayed = await paymentOf()
        expect(replayed.payment_collections[0].payments[0].refunds).toHaveLength(2)

        const again = await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/refunded in full/)
      })

      it("keeps Safaricom's reason when a reversal is refused, and records no refund", async () => {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        await pushSession(paymentCollectionId, "0708374149")
        const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
        const orderId = completed.order.id
        await settled(`cart_id=${cartId}`)
        const admin = await adminHeaders(getContainer(), api)
        // The ledger has the receipt and the order (linked asynchronously on Redis) …
        await paidInLedger(getContainer(), orderId)
        // … but the simulator forgets its ledger on reset, so Safaricom "does not know" the receipt: R000002.
        sim.reset()
        await api.post(`/admin/orders/${orderId}/mpesa/refund`, {}, admin)
        const view = await eventually(async () => {
          const { data } = await api.get(`/admin/orders/${orderId}/mpesa`, admin)
          return data.reversals[0]?.status === "failed" ? data : undefined
        })
        expect(view.reversals[0].result_desc).toMatch(/could not be found|R000002|invalid/i)
        const { data } = await api.get(`/admin/orders/${orderId}?fields=id,payment_status`, admin)
        expect(data.order.payment_status).not.toBe("refunded")
      })

      it("rejects a phone that is not a Kenyan mobile with a 400 naming it, before any push", async () => {
        const { paymentCollectionId } = await cartReadyForPayment(api, store)
        const error = await pushSession(paymentCollectionId, "0202345678").catch((e: any) => e.response)
        expect(error.status).toBe(400)
        expect(error.data.message).toMatch(/0202345678 is not a Kenyan mobile number/)
        expect(sim.listRequests({ endpoint: "stkpush" })).toHaveLength(0)
      })
    })
  },
})
