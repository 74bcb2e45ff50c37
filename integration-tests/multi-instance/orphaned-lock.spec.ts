/**
 * An orphaned lock: a worker killed mid-settle leaves the payment's settle
 * lock in Redis until its TTL lapses; the settle of the same payment that
 * BullMQ then retries fails on it. This makes that case certain: a lock held
 * by no live process, longer than the settle's 30-s wait, then the callback.
 */
import Redis from "ioredis"
import { describeMulti, multi, PHASE_TIMEOUT_MS } from "./context"
import { allCaptured, capturedAt, ofKind, placeCheckouts, viaCallbackCount } from "./scenario"

const ORPHANED_LOCK_SECONDS = 45

describeMulti("a settle lock a dead worker left behind", () => {
  it(`a payment whose settle lock a dead worker left (${ORPHANED_LOCK_SECONDS} s) is captured from its callback once the lock lapsed`, async () => {
    const run = multi()
    const { cluster } = run
    const [orphan] = ofKind(await placeCheckouts(), "orphan")
    const redis = new Redis(process.env.REDIS_URL!)
    try {
      await redis.set(`${cluster.redisPrefix}:lock:mpesa-stk:${orphan.crid}`, "worker-that-died", "EX", ORPHANED_LOCK_SECONDS, "NX")
    } finally {
      redis.disconnect()
    }
    const lockedAt = Date.now()
    cluster.simulator.approve(orphan.crid!)
    const done = await allCaptured(cluster, [orphan.orderId!], 180_000, "the payment behind an orphaned lock")
    const at = (await capturedAt(cluster, [orphan.orderId!])).get(orphan.orderId!)
    const capturedAfter = at ? (at.getTime() - lockedAt) / 1000 : null
    run.measurements.orphaned_lock = { lock_seconds: ORPHANED_LOCK_SECONDS, captured_seconds_after_lock: capturedAfter }
    expect(done).toBe(true)
    expect(capturedAfter).toBeGreaterThanOrEqual(ORPHANED_LOCK_SECONDS - 1)
    expect(await viaCallbackCount(cluster, [orphan.crid!])).toBe(1)
  }, PHASE_TIMEOUT_MS)
})
