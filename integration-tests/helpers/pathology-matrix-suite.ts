import { DEFAULT_PHONE_SCRIPTS } from "@soko/daraja-simulator"
import { reconcileMpesaPayments } from "@soko/medusa-plugin-mpesa/lib/reconcile"
import { limitsOutOfReach } from "../../src/lib/rate-limits/rules"
import { runSeed } from "../../src/scripts/seed/run-seed"
import { adminHeaders } from "./admin"
import { appIntegrationTestRunner } from "./app-test-runner"
import { expectMoneyAuditHolds, type MoneyAudit } from "./money-audit"
import { failedStkCallback, paidInLedger, paidStkCallback, useDarajaSimulator, type Simulator } from "./mpesa-app"
import { mpesaScenarios } from "./mpesa-scenarios"
import { expectedMoney, matrixOutcomes, pathologyMatrix, type MatrixCase } from "./pathology-matrix"
import { cartReadyForPayment, eventually } from "./store-checkout"

const outcomes = matrixOutcomes(DEFAULT_PHONE_SCRIPTS)
const matrix = pathologyMatrix(outcomes)
/** A scripted-paid number for the merchant's resend ("second paid push"); not in the simulator's table. */
const RESEND_PHONE = { local: "0799000001", msisdn: "254799000001" }
/** An interactive number: the shopper's new session after the first was replaced ("after session deleted"). */
const OTHER_PHONE = "0799000002"
const LATER = () => new Date(Date.now() + 3_601_000)

/**
 * The pathology matrix (issue 15): every scripted Daraja outcome of the
 * simulator × every way the money path goes wrong, generated
 * (helpers/pathology-matrix.ts). Each case places the order while its prompt
 * is held open, lets the phone answer, plays its pathology, and ends with the
 * money audit: Safaricom's ledger, Medusa's captured minus refunded and Soko's
 * ledger agree for the order (money in review accounted for), each equal to
 * what the case must move; and the shopper is never invited to pay again once
 * money left the phone.
 *
 * The cases are dealt round-robin to `shards` spec files so that the test
 * runner's workers share them (each file boots its own app).
 */
export function describePathologyMatrix(shard: number, shards: number) {
  jest.setTimeout(180_000)
  // Daraja calls give up after 8 s, so a reversal answered after 20 s is an "unknown" outcome. Both far
  // apart: a busy machine (CI runs other suites beside this one) must not turn an ordinary call into one.
  // Push and request limits out of reach: the matrix pushes to each scripted number many times in an hour.
  const simulator = useDarajaSimulator({
    MPESA_REQUEST_TIMEOUT_MS: "8000",
    MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: "1000",
    MPESA_MAX_PUSHES_PER_CART_PER_HOUR: "1000",
    MPESA_MAX_PUSHES_PER_CLIENT_PER_HOUR: "1000",
    ...limitsOutOfReach(),
  })
  let sim: Simulator

  appIntegrationTestRunner({
    inApp: true,
    env: {},
    testSuite: ({ api, getContainer }) => {
      let store: { headers: Record<string, string> }
      let admin: { headers: Record<string, string> }

      // Seeded once: the runner snapshots the database after this and restores it before every case.
      beforeAll(async () => {
        const { publishableKey } = await runSeed(getContainer())
        store = { headers: { "x-publishable-api-key": publishableKey } }
        admin = await adminHeaders(getContainer(), api)
      })
      beforeEach(() => {
        sim = simulator()
        sim.reset()
      })

      const s = mpesaScenarios({ api, getContainer, sim: () => sim, store: () => store, admin: () => admin })

      /** The pathology played after the order is placed with the outcome's prompt held open. */
      async function play({ outcome, pathology }: MatrixCase) {
        const { cartId, paymentCollectionId } = await cartReadyForPayment(api, store)
        const realCallback =
          pathology === "callback lost" || pathology === "callback late" || pathology === "callback duplicated x10"
            ? { skip: true }
            : pathology === "amount mismatch"
              ? outcome.paid
                ? { amount: 1 }
                : { skip: true }
              : undefined
        sim.addOverride({ phone: outcome.msisdn, hold: true, ...(realCallback ? { callback: realCallback } : {}) })
        const first = await s.pushSession(paymentCollectionId, outcome.phone)
        const crid = first.checkout_request_id
        const amountKes = (await s.recorded(crid)).amount_kes as number

        if (pathology === "after session deleted") {
          // The shopper starts over on another phone: Medusa replaces the payment session; the order is placed on the new one.
          await s.pushSession(paymentCollectionId, OTHER_PHONE)
        }
        const orderId = await s.completeCart(cartId)
        /**
         * The phone answers the held prompt. Without a callback (lost, or an
         * outcome Daraja never calls back about: 1037 unreachable) only the
         * every-minute reconciliation job settles the push, an hour on.
         */
        const answer = async (withoutCallback = !outcome.callback) => {
          sim.release(crid)
          if (withoutCallback) {
            await s.simSettled(crid)
            await reconcileMpesaPayments(getContainer(), LATER())
          }
          return s.ledgerSettled(crid)
        }

        switch (pathology) {
          case "callback lost":
          case "callback late": {
            const settled = await answer(true)
            expect(settled.callback_received_at).toBeNull()
            if (pathology === "callback late") {
              await s.postCallback(s.darajaCallbackFor(crid))
              if (outcome.paid) {
                const receipt = sim.listLedger().payments.find((p) => p.checkoutRequestId === crid)!.receipt
                await eventually(async () => ((await s.request(crid)).receipt_number === receipt ? true : undefined))
              }
              expect((await s.request(crid)).status).toBe(settled.status)
            }
            break
          }
          case "callback duplicated x10": {
            sim.release(crid)
            await s.simSettled(crid)
            await s.postCallback(s.darajaCallbackFor(crid), 10)
            await s.ledgerSettled(crid)
            const logs = await s.mpesa().listCallbackLogs({ checkout_request_id: crid })
            expect(logs.filter((l: any) => l.outcome === "pay")).toHaveLength(outcome.paid ? 1 : 0)
            break
          }
          case "forged failure": {
            await s.postCallback(failedStkCallback({ merchantRequestId: first.merchant_request_id, checkoutRequestId: crid }))
            expect((await s.request(crid)).status).toBe("pending")
            expect((await s.shopperStatus(cartId)).status).toBe("pending")
            await answer()
            break
          }
          case "amount mismatch": {
            sim.release(crid)
            if (!outcome.paid) {
              // Daraja's failure callback is not here yet; a "paid" one with another amount is, which STK Query disputes.
              await s.simSettled(crid)
              await s.postCallback(
                paidStkCallback({ merchantRequestId: first.merchant_request_id, checkoutRequestId: crid, amount: 1, receipt: "UAB1CD2EF3" })
              )
            }
            const row = await s.ledgerSettled(crid)
            expect(row).toEqual(expect.objectContaining({ status: "review", flag: outcome.paid ? "amount_mismatch" : "query_disagrees" }))
            break
          }
          case "after cancel": {
            const cancelled = await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
            expect(cancelled.status).toBe(200)
            await answer()
            break
          }
          case "after session deleted": {
            await answer()
            break
          }
          case "second paid push": {
            // The merchant sends a prompt to another phone, which pays; then the first prompt is answered too.
            sim.setOutcome(RESEND_PHONE.msisdn, { resultCode: 0 })
            const { data: resent } = await api.post(`/admin/orders/${orderId}/mpesa/resend`, { phone: RESEND_PHONE.local }, admin)
            expect(resent.transaction.checkout_request_id).not.toBe(crid)
            await paidInLedger(getContainer(), orderId)
            await answer()
            break
          }
          case "refund double-click":
          case "refund timeout": {
            await answer()
            if (!outcome.paid) {
              const refusal = await s.refund(orderId)
              expect(refusal.status).toBe(400)
              expect(refusal.data.message).toMatch(/no M-Pesa payment with a receipt/)
              break
            }
            await paidInLedger(getContainer(), orderId)
            if (pathology === "refund double-click") {
              const replies = await Promise.all([s.refund(orderId), s.refund(orderId)])
              expect(replies.map((r: any) => r.status).filter((st: number) => st === 202)).toHaveLength(1)
              const other = replies.find((r: any) => r.status !== 202)
              expect([400, 409]).toContain(other.status)
            } else {
              // Safaricom reverses at once but answers after the client gave up: unknown until Transaction Status says.
              sim.addOverride({ endpoint: "reversal", latencyMs: 20_000 })
              const slow = await s.refund(orderId)
              expect(slow.status).toBe(202)
              expect(slow.data.refund.status).toBe("unknown")
              const blocked = await s.refund(orderId, { amount_kes: 1 })
              expect(blocked.status).toBe(400)
            }
            await s.refunded(orderId)
            expect(sim.listRequests({ endpoint: "reversal" })).toHaveLength(1)
            break
          }
        }
        return { orderId, cartId, amountKes }
      }

      const summary = (audit: MoneyAudit) => ({
        in: audit.safaricom.in,
        out: audit.safaricom.out,
        net: audit.medusa.net,
        inReview: audit.inReview,
        unconfirmedInReview: audit.unconfirmedInReview,
      })

      const excluded = matrix.excluded.map((e) => `${e.outcome} × ${e.pathology}`).join("; ")
      const reasons = [...new Set(matrix.excluded.map((e) => e.reason))].join("; ")
      const mine = matrix.cases.filter((_, i) => i % shards === shard)
      describe(`M-Pesa pathology matrix (part ${shard + 1} of ${shards}, ${mine.length} cases): ${outcomes.length} outcomes × ${matrix.size / outcomes.length} pathologies = ${matrix.size} combinations, ${matrix.cases.length} played, ${matrix.excluded.length} excluded (${excluded}: ${reasons})`, () => {
        it.each(mine.map((c) => [c.name, c] as const))("%s: the money audit holds", async (_name, c) => {
          const { orderId, cartId, amountKes } = await play(c)
          const expected = expectedMoney(c.outcome, c.pathology, amountKes)
          const audit = await expectMoneyAuditHolds(getContainer(), sim, orderId, (a) => JSON.stringify(summary(a)) === JSON.stringify(expected))
          expect(summary(audit)).toEqual(expected)
          expect(audit.soko.net).toBe(audit.medusa.net)

          // Once money left the phone the shopper is never invited to pay again; without money, never shown paid.
          const shown = await s.shopperStatus(cartId)
          if (audit.safaricom.in > 0) {
            expect(shown.can_retry).toBe(false)
          } else {
            expect(shown.status).not.toBe("paid")
          }
        })
      })
    },
  })
}
