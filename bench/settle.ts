/**
 * Waiting out a round's tail. When the load stops, a server is often still working for it:
 * events queued on the bus (Soko's `order.placed` subscribers, the search index), M-Pesa
 * callbacks. Read at once, that tail counted for no configuration and ran inside the next
 * configuration's round, on the same two cores; so a round's counters are read only once its
 * server has gone quiet.
 */
// No import of ./servers: it installs signal handlers, and the pure part here is unit-tested.

/** How often the server is looked at while it settles. */
export const SETTLE_STEP_MS = 250
/** Consecutive quiet looks that make a server settled (one quiet look can be a gap between two events). */
export const SETTLE_QUIET_LOOKS = 3
/** The longest wait: a scheduled job or a stuck retry must not hold the run. */
export const SETTLE_MAX_MS = 20_000
/**
 * CPU a quiet server may still spend, as a share of one core: idle Medusa processes poll Redis
 * and run timers, a few ms per second.
 */
export const QUIET_CPU_SHARE = 0.05

/** One look: quiet when no SQL statement ran and the processes used almost no CPU. */
export function isQuiet(delta: { sql: number; cpuMs: number }, stepMs: number, cpuShare = QUIET_CPU_SHARE): boolean {
  return delta.sql === 0 && delta.cpuMs <= stepMs * cpuShare
}

export type Settled<S> = { tailMs: number; settled: boolean; after: S }

/**
 * Waits until the server is quiet (or SETTLE_MAX_MS) and returns its counters then: `from` are
 * its counters when the load stopped, `look` reads them again (servers.sideSnapshot), `delta`
 * says what was spent between two looks (sideDelta).
 */
export async function settle<S>(
  from: S,
  look: () => Promise<S>,
  delta: (before: S, after: S) => { sql: number; cpuMs: number }
): Promise<Settled<S>> {
  const started = Date.now()
  let last = from
  let quietLooks = 0
  let busySince = started
  while (Date.now() - started < SETTLE_MAX_MS) {
    await new Promise((r) => setTimeout(r, SETTLE_STEP_MS))
    const next = await look()
    if (isQuiet(delta(last, next), SETTLE_STEP_MS)) {
      quietLooks += 1
    } else {
      quietLooks = 0
      busySince = Date.now()
    }
    last = next
    if (quietLooks >= SETTLE_QUIET_LOOKS) {
      return { tailMs: busySince - started, settled: true, after: last }
    }
  }
  return { tailMs: Date.now() - started, settled: false, after: last }
}
