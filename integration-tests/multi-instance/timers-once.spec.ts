/**
 * Timers once: unpaid orders past their deadline (prompts never answered,
 * and prompts the shopper cancelled) are cancelled by the every-minute
 * cancel-unpaid timer exactly once, though every instance schedules it.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes, waitFor } from "./context"
import { cridsOf, ofKind, ordersOf, placeCheckouts } from "./scenario"
import { call, pool } from "./shop"

describeMulti("timers run once", () => {
  it("the shopper's cancelled prompts are recorded failed, not paid", async () => {
    const { cluster } = multi()
    const cancelled = cridsOf(ofKind(await placeCheckouts(), "cancelled"))
    for (const crid of cancelled) {
      cluster.simulator.cancel(crid)
    }
    const rows = await waitFor(
      "cancelled prompts to be recorded",
      async () => {
        const r = await cluster.sql<{ status: string; receipt_number: string | null }>(
          `SELECT status, receipt_number FROM mpesa_stk_request WHERE checkout_request_id = ANY($1) AND status <> 'pending'`,
          [cancelled]
        )
        return r.length === cancelled.length ? r : undefined
      },
      120_000
    )
    expect(cancelled).toHaveLength(sizes.cancelled)
    expect(rows?.filter((r) => r.status === "paid" || r.receipt_number)).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it(`the ${sizes.unanswered + sizes.cancelled} unpaid orders past their deadline were cancelled`, async () => {
    const { cluster } = multi()
    const timerOrders = ordersOf(ofKind(await placeCheckouts(), "unanswered", "cancelled"))
    // Placed two hours ago: the every-minute cancel-unpaid timer (60 minutes) picks them up.
    await cluster.sql(`UPDATE "order" SET created_at = now() - interval '2 hours' WHERE id = ANY($1)`, [timerOrders])
    say(`${timerOrders.length} unpaid orders moved 2 hours into the past for the cancel-unpaid timer`)
    const done = await waitFor(
      "the cancel-unpaid timer",
      async () => {
        const rows = await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "order" WHERE id = ANY($1) AND status = 'canceled'`, [timerOrders])
        return rows[0].n === timerOrders.length ? true : undefined
      },
      200_000,
      2000
    )
    expect(timerOrders).toHaveLength(sizes.unanswered + sizes.cancelled)
    expect(done).toBe(true)
  }, PHASE_TIMEOUT_MS)

  it("each was cancelled by the timer exactly once, and no other order; the runs that changed orders changed each once in total", async () => {
    const { cluster } = multi()
    const timerOrders = ordersOf(ofKind(await placeCheckouts(), "unanswered", "cancelled"))
    const changes = await cluster.sql<{ order_id: string; n: number }>(
      `SELECT order_id, count(*)::int AS n FROM order_status_change WHERE source = 'timer:cancel-unpaid' AND deleted_at IS NULL GROUP BY order_id`
    )
    const [runs] = await cluster.sql<{ runs: number; changed: number }>(
      `SELECT count(*)::int AS runs, coalesce(sum(changed_count), 0)::int AS changed FROM order_timer_run WHERE timer = 'cancel-unpaid' AND changed_count > 0`
    )
    expect(changes.map((r) => r.order_id).sort()).toEqual([...timerOrders].sort())
    expect(changes.filter((r) => r.n !== 1)).toEqual([])
    expect(runs.changed).toBe(timerOrders.length)
  }, PHASE_TIMEOUT_MS)

  it("the admin API shows the timer's orders canceled", async () => {
    const { cluster, shop } = multi()
    const timerOrders = ordersOf(ofKind(await placeCheckouts(), "unanswered", "cancelled"))
    const answers = await pool(timerOrders, 4, async (id, i) => {
      const { order } = await call(cluster.servers[i % cluster.servers.length], "GET", `/admin/orders/${id}?fields=id,status`, undefined, shop.admin)
      return order.status as string
    })
    expect(answers).toEqual(timerOrders.map(() => "canceled"))
  }, PHASE_TIMEOUT_MS)
})
