/**
 * Orders once: the run's checkouts (M-Pesa and the system provider, kinds
 * interleaved) go through both servers at once, each call of a checkout on
 * the next server; carts completed while their paid callback arrives still
 * become one order each, and no cart becomes two.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, sizes, sleep } from "./context"
import { allCaptured, cridsOf, msisdn, ofKind, ordersOf, placeCheckouts } from "./scenario"
import { completeCart, pool } from "./shop"

describeMulti("orders are placed once", () => {
  it("every checkout call succeeded through both servers", async () => {
    const plans = await placeCheckouts()
    expect(plans.filter((p) => p.error).map((p) => `${p.kind} ${p.n}: ${p.error}`)).toEqual([])
  }, PHASE_TIMEOUT_MS)

  it("every M-Pesa checkout sent one STK push", async () => {
    const plans = await placeCheckouts()
    const mpesa = plans.filter((p) => p.kind !== "system" && p.cartId)
    const pushes = multi().cluster.simulator.listTransactions()
    expect(mpesa.filter((p) => !p.crid).map((p) => msisdn(p.n))).toEqual([])
    expect(pushes.length).toBe(mpesa.length)
  }, PHASE_TIMEOUT_MS)

  it(`${sizes.race} carts completed while their paid callback arrived`, async () => {
    const { cluster, shop } = multi()
    const race = ofKind(await placeCheckouts(), "race")
    const results = await pool(race, race.length, async (p, i) => {
      const [orderId] = await Promise.all([
        completeCart(shop, p.cartId!, cluster.servers[i % cluster.servers.length]),
        (async () => {
          await sleep(i * 15)
          cluster.simulator.approve(p.crid!)
        })(),
      ])
      p.orderId = orderId
      return orderId
    })
    expect(results.filter((r) => r instanceof Error).map((e) => (e as Error).message)).toEqual([])
    expect(race).toHaveLength(sizes.race)
    expect(cridsOf(race)).toHaveLength(sizes.race)
    expect(await allCaptured(cluster, ordersOf(race), 180_000, "the race payments")).toBe(true)
  }, PHASE_TIMEOUT_MS)

  it("every cart became exactly one order (and the database holds no other order)", async () => {
    const { cluster } = multi()
    const plans = (await placeCheckouts()).filter((p) => p.cartId)
    const cartIds = plans.map((p) => p.cartId!)
    const perCart = await cluster.sql<{ cart_id: string; n: number }>(
      `SELECT cart_id, count(*)::int AS n FROM order_cart WHERE cart_id = ANY($1) AND deleted_at IS NULL GROUP BY cart_id`,
      [cartIds]
    )
    const [{ n: orders }] = await cluster.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "order" WHERE deleted_at IS NULL`)
    expect(perCart.filter((r) => r.n !== 1)).toEqual([])
    expect(perCart).toHaveLength(cartIds.length)
    expect(orders).toBe(cartIds.length)
    expect(ordersOf(plans)).toHaveLength(cartIds.length)
  }, PHASE_TIMEOUT_MS)
})
