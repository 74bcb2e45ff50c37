/**
 * Worker kill: the worker is SIGKILLed while it settles M-Pesa callbacks
 * (some captured, the rest queued or mid-workflow), more callbacks arrive
 * while it is dead, and a new worker starts: every payment is captured.
 * Whether each is captured only once is ./captures-once.spec.ts's to count.
 */
import { describeMulti, multi, PHASE_TIMEOUT_MS, say, sizes, sleep, waitFor } from "./context"
import { allCaptured, capturedAt, cridsOf, ofKind, ordersOf, placeCheckouts, viaCallbackCount } from "./scenario"

const describeKill = sizes.kill ? describeMulti : (name: string, fn: () => void) => describe.skip(`${name} (skipped: SOKO_MULTI_KILL_PAYMENTS=0)`, fn)

describeKill("a worker killed mid-run", () => {
  it(`all ${sizes.kill} payments whose callbacks came around the worker kill were captured`, async () => {
    const run = multi()
    const { cluster } = run
    const sim = cluster.simulator
    const plans = ofKind(await placeCheckouts(), "kill")
    const orders = ordersOf(plans)
    const third = Math.ceil(plans.length / 3)
    for (const p of plans.slice(0, third)) {
      sim.approve(p.crid!)
      await sleep(50)
    }
    // Kill while the worker is busy: some of these captured, the rest queued or mid-workflow.
    await waitFor("the first captures before the kill", async () => ((await capturedAt(cluster, orders)).size >= 2 ? true : undefined), 60_000, 50)
    await cluster.killWorker()
    const killedAt = Date.now()
    const capturedAtKill = (await capturedAt(cluster, orders)).size
    say(`worker SIGKILLed with ${third} callbacks sent, ${capturedAtKill} of them captured`)
    for (const p of plans.slice(third)) {
      sim.approve(p.crid!)
      await sleep(20)
    }
    const restartStarted = Date.now()
    await cluster.startWorker()
    const restartSeconds = (Date.now() - restartStarted) / 1000
    say(`worker restarted in ${restartSeconds.toFixed(1)} s (${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill)`)
    const done = await allCaptured(cluster, orders, 300_000, "the payments sent around the worker's death")
    const recovered = Date.now()
    run.measurements.worker_kill = {
      settled_by_callback: await viaCallbackCount(cluster, cridsOf(plans)),
      payments: orders.length,
      callbacks_before_kill: third,
      captured_at_kill: capturedAtKill,
      worker_restart_seconds: restartSeconds,
      all_captured_seconds_after_kill: (recovered - killedAt) / 1000,
    }
    expect(orders).toHaveLength(sizes.kill)
    expect(done).toBe(true)
  }, PHASE_TIMEOUT_MS)
})
