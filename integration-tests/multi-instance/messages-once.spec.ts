/**
 * Messages once: every notification the run's orders caused (placed, paid,
 * payment failed, cancelled by the timer) is created once and delivered
 * once, though events are handled on whichever instance's queue takes them,
 * a worker was SIGKILLed and callbacks came many times.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, sizes, waitFor, type Plan } from "./context"
import { cridsOf, ofKind, ordersOf, PAID_KINDS, payments, placeCheckouts } from "./scenario"

type Msg = { id: string; trigger: string; template: string; channel: string; status: string; order_id: string | null; resource_id: string; last_error: string | null; delivered: number }

const sig = (list: Msg[]) => list.map((m) => `${m.template}/${m.channel}`).sort().join(",")

/** The messages of one trigger grouped by `key`: every id in `ids` should have the same (most common) set. */
function groups(ms: Msg[], trigger: string, key: (m: Msg) => string | null, ids: string[]) {
  const by = new Map<string, Msg[]>()
  for (const m of ms.filter((m) => m.trigger === trigger)) {
    const k = key(m)
    if (k) {
      by.set(k, [...(by.get(k) ?? []), m])
    }
  }
  const sigs = ids.map((id) => sig(by.get(id) ?? []))
  const counts = new Map<string, number>()
  sigs.forEach((x) => counts.set(x, (counts.get(x) ?? 0) + 1))
  const reference = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ""
  return { reference, odd: ids.filter((_, i) => sigs[i] !== reference), extra: [...by.keys()].filter((k) => !ids.includes(k)) }
}

describeMulti("messages are sent once", () => {
  let plans: Plan[]
  let ms: Msg[]
  const paymentOf = new Map<string, string>()
  const paymentsOf = (list: Plan[]) => ordersOf(list).map((o) => paymentOf.get(o)).filter((id): id is string => !!id)

  beforeAll(async () => {
    const { cluster } = multi()
    plans = await placeCheckouts()
    for (const row of await payments(cluster, ordersOf(plans))) {
      paymentOf.set(row.order_id, row.payment_id)
    }
    const orderIds = ordersOf(plans)
    const expectedPayments = paymentsOf(ofKind(plans, ...PAID_KINDS))
    const messages = () =>
      cluster.sql<Msg>(
        `SELECT m.id, m.trigger, m.template, m.channel, m.status, m.order_id, m.resource_id, m.last_error,
                (SELECT count(*) FROM notification n WHERE n.data->>'soko_message_id' = m.id AND n.status = 'success')::int AS delivered
           FROM soko_notification_message m WHERE m.deleted_at IS NULL`
      )
    ms =
      (await waitFor(
        "notifications to settle",
        async () => {
          const all = await messages()
          const placed = new Set(all.filter((m) => m.trigger === "order.placed").map((m) => m.order_id))
          const paid = new Set(all.filter((m) => m.trigger === "payment.captured").map((m) => m.resource_id))
          const open = all.filter((m) => ["pending", "sending", "retrying"].includes(m.status))
          return !open.length && orderIds.every((o) => placed.has(o)) && expectedPayments.every((p) => paid.has(p)) ? all : undefined
        },
        // A capture whose worker died before its events went out is announced
        // again by reconciliation (every minute, after a 2-minute grace).
        300_000,
        2000
      )) ?? (await messages())
  }, PHASE_TIMEOUT_MS)

  it("every order got the same order-placed messages once", () => {
    const placed = groups(ms, "order.placed", (m) => m.order_id, ordersOf(plans))
    expect(placed.reference).not.toBe("")
    expect({ odd: placed.odd, extra: placed.extra }).toEqual({ odd: [], extra: [] })
  })

  it("every payment captured after its order was placed got the payment-received messages once", () => {
    // Race and cut-off payments are expected like any other (no known gaps).
    const paid = groups(ms, "payment.captured", (m) => m.resource_id, paymentsOf(ofKind(plans, ...PAID_KINDS)))
    const kindOf = new Map(ofKind(plans, ...PAID_KINDS).map((p) => [paymentOf.get(p.orderId!), p.kind]))
    expect(paid.reference).not.toBe("")
    expect({ odd: paid.odd.map((id) => `${id}:${kindOf.get(id)}`), extra: paid.extra }).toEqual({ odd: [], extra: [] })
  })

  it("no payment captured during cart completion or by a cut-off workflow got payment-received messages more than once", async () => {
    const run = multi()
    const reference = groups(ms, "payment.captured", (m) => m.resource_id, paymentsOf(ofKind(plans, ...PAID_KINDS))).reference
    // A settle workflow SIGKILLed after Medusa's capture committed but before
    // the workflow finished: the retried run finds the payment captured and
    // only notes it in the ledger, seconds to minutes later.
    const cutOff = (
      await run.cluster.sql<{ payment_id: string }>(
        `SELECT p.id AS payment_id FROM mpesa_stk_request s JOIN payment p ON p.payment_session_id = s.payment_session_id
          WHERE s.checkout_request_id = ANY($1) AND s.captured_at > p.captured_at + interval '5 seconds'`,
        [cridsOf(ofKind(plans, "kill"))]
      )
    ).map((r) => r.payment_id)
    const race = paymentsOf(ofKind(plans, "race"))
    const sigOf = (id: string) => sig(ms.filter((m) => m.trigger === "payment.captured" && m.resource_id === id))
    run.measurements.race_payments_without_payment_received = { of: race.length, without: race.filter((id) => sigOf(id) === "").length }
    run.measurements.cut_off_settles_without_payment_received = { of: cutOff.length, without: cutOff.filter((id) => sigOf(id) === "").length }
    const [late] = await run.cluster.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM mpesa_stk_request WHERE announced_at > captured_at + interval '100 seconds'`
    )
    run.measurements.captures_announced_by_reconciliation = late.n
    expect([...race, ...cutOff].filter((id) => sigOf(id) !== "" && sigOf(id) !== reference)).toEqual([])
  })

  it("every order the timer cancelled got the cancellation messages once", () => {
    const cancelled = groups(ms, "order.cancelled", (m) => m.order_id, ordersOf(ofKind(plans, "unanswered", "cancelled")))
    expect(cancelled.reference).not.toBe("")
    expect({ odd: cancelled.odd, extra: cancelled.extra }).toEqual({ odd: [], extra: [] })
  })

  it("the cancelled prompts got payment-failed messages", () => {
    const failed = ms.filter((m) => m.trigger === "payment.failed")
    expect(failed.length).toBeGreaterThan(0)
    expect(new Set(failed.map((m) => m.resource_id)).size).toBe(sizes.cancelled)
  })

  it("no message delivered twice", () => {
    expect(ms.filter((m) => m.delivered > 1).map((m) => `${m.id} ${m.template}/${m.channel} ×${m.delivered}`)).toEqual([])
  })

  it("every message was sent, each with exactly one successful delivery", () => {
    multi().measurements.notifications = {
      messages: ms.length,
      by_status: ms.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.status]: (acc[m.status] ?? 0) + 1 }), {}),
    }
    const wrong = ms.filter((m) => (m.status !== "sent" && m.status !== "skipped") || (m.status === "sent" && m.delivered !== 1))
    expect(wrong.map((m) => `${m.template}/${m.channel} ${m.status} ×${m.delivered} ${m.last_error ?? ""}`)).toEqual([])
  })
})
