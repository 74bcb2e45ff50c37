/**
 * Refund race (issue 15): one order's refund requested on server A and
 * server B at the same moment (full vs full, and full reversal vs partial B2C
 * payout): exactly one goes to Daraja, the other is refused with a 4xx.
 * Safaricom's results are held at the proxy while the two requests race: a
 * fast result could otherwise settle a partial payout before the other server
 * plans, and "refund everything" then rightly means "the rest", which is a
 * second refund by design, not the race this spec is about.
 * On orders of its own, after the exactly-once specs have counted theirs.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes } from "./context"
import { allRecorded, auditOrders, deliverHeld, medusaRefunds, moneyOutRequests, paidOrders, refundsOf, requestRefund, type PaidOrder } from "./refunds"

const describeRace = sizes.refundRace ? describeMulti : (name: string, fn: () => void) => describe.skip(`${name} (skipped: SOKO_MULTI_REFUND_RACE=0)`, fn)
const count = sizes.refundRace
/** Phone indexes apart from the run's checkouts and the other refund spec. */
const FIRST_INDEX = 1000

describeRace("one order refunded on both servers at once", () => {
  let orders: PaidOrder[]
  let before: number
  let started: number

  it(`${count} orders refunded on both servers at once (${Math.ceil(count / 2)} full vs full, ${Math.floor(count / 2)} full vs partial): one 202 and one 4xx each`, async () => {
    const { cluster } = multi()
    const [a, b] = cluster.servers
    orders = await paidOrders(FIRST_INDEX, count)
    before = moneyOutRequests(cluster)
    started = Date.now()
    cluster.proxy.hold(true)
    // Even orders: a full refund on each server. Odd orders: a full reversal on A against a KES 100 B2C payout on B.
    const answers = await Promise.all(
      orders.map((o, i) => Promise.all([requestRefund(a, o.orderId, {}), requestRefund(b, o.orderId, i % 2 ? { amount_kes: 100 } : {})]))
    ).finally(() => deliverHeld(cluster))
    multi().measurements.refund_race = { orders: count, answers: answers.map((pair) => pair.join("/")), requests_seconds: (Date.now() - started) / 1000 }
    const wrong = answers.filter((pair) => pair.filter((s) => s === 202).length !== 1 || !pair.some((s) => s >= 400 && s < 500))
    expect(wrong).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("exactly one refund per raced order went to Daraja and was recorded", async () => {
    const { cluster } = multi()
    const orderIds = orders.map((o) => o.orderId)
    const rows = await allRecorded(orderIds, 180_000, "the raced refunds to be recorded")
    const refunds = rows ?? (await refundsOf(cluster, orderIds))
    Object.assign(multi().measurements.refund_race as object, { methods: refunds.map((r) => r.method), recorded_seconds: (Date.now() - started) / 1000 })
    say(`refund race: ${JSON.stringify(multi().measurements.refund_race)}`)
    expect(rows).toBeDefined()
    expect(orders.map((o) => refunds.filter((r) => r.order_id === o.orderId).length)).toEqual(orders.map(() => 1))
    expect(moneyOutRequests(cluster) - before).toBe(count)
  }, PHASE_TIMEOUT_MS)

  it("each raced order has exactly one Medusa refund", async () => {
    const medusa = await medusaRefunds(multi().cluster, orders.map((o) => o.orderId))
    expect(orders.map((o) => medusa.find((m) => m.order_id === o.orderId)?.n)).toEqual(orders.map(() => 1))
  }, PHASE_TIMEOUT_MS)

  it(`the money audit holds for the ${count} raced orders`, async () => {
    expect((await auditOrders(orders)).bad).toEqual([])
  }, PHASE_TIMEOUT_MS)
})
