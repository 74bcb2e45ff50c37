/**
 * What the multi-instance specs share: the cluster ./setup/global-setup.ts
 * booted (handed to each spec by ./setup/environment.js), the run's sizes,
 * its measurements and the checkouts placed so far, plus polling and figures.
 *
 * Sizes: the default is the quick run (`npm test`); SOKO_MULTI_FULL=1 gives the
 * figures over 100 payments (the bench). Each size can be set on its own:
 * SOKO_MULTI_LATENCY_PAYMENTS (40; full 100), SOKO_MULTI_BURST_PAYMENTS (30; 50),
 * SOKO_MULTI_KILL_PAYMENTS (12; 24; 0: no kill), SOKO_MULTI_CONCURRENCY (8),
 * SOKO_MULTI_REFUND_RACE (4; 0: none), SOKO_MULTI_REFUND_KILL (4; 0: none),
 * SOKO_MULTI_C2B_PAYMENTS (paybill payments; 20; full 100; 0: none).
 */
import type { Cluster } from "./cluster"
import type { Shop } from "./shop"

export const num = (name: string, fallback: number) => {
  const raw = process.env[name]?.trim()
  const value = Number(raw)
  return raw && Number.isInteger(value) && value >= 0 ? value : fallback
}

export const FULL = process.env.SOKO_MULTI_FULL === "1"
export const sizes = {
  latency: num("SOKO_MULTI_LATENCY_PAYMENTS", FULL ? 100 : 40),
  burst: num("SOKO_MULTI_BURST_PAYMENTS", FULL ? 50 : 30),
  kill: num("SOKO_MULTI_KILL_PAYMENTS", FULL ? 24 : 12),
  concurrency: num("SOKO_MULTI_CONCURRENCY", 8),
  refundRace: num("SOKO_MULTI_REFUND_RACE", 4),
  refundKill: num("SOKO_MULTI_REFUND_KILL", 4),
  c2b: num("SOKO_MULTI_C2B_PAYMENTS", FULL ? 100 : 20),
  system: 10,
  race: 8,
  unanswered: 3,
  cancelled: 3,
}

/** The cluster's paybill (MPESA_C2B_SHORTCODE): the simulator takes any 5–8 digit business number. */
export const C2B_SHORTCODE = "600984"

export type PlanKind = "system" | "latency" | "race" | "burst" | "kill" | "orphan" | "unanswered" | "cancelled"

/** One checkout of the run: what it is for, and what it became. */
export type Plan = {
  kind: PlanKind
  /** Its index: the shopper's phone and email derive from it. */
  n: number
  cartId?: string
  orderId?: string
  /** The STK push's CheckoutRequestID (M-Pesa checkouts). */
  crid?: string
  error?: string
}

export type MultiRun = {
  cluster: Cluster
  shop: Shop
  startedAt: number
  measurements: Record<string, unknown>
  /** Every test's name and verdict, recorded by ./setup/environment.js for the measurements file. */
  checks: { name: string; ok: boolean }[]
  /** The checkouts of ./scenario.ts, once placed; later specs pay, cancel and count them. */
  plans?: Plan[]
}

export const SKIP_REASON =
  "REDIS_URL is not set; several instances share events, workflows and locks only through Redis (CI sets it)"

/** `describe` when there is a cluster to test, else a skipped block that says why. */
export const describeMulti = (name: string, fn: () => void) =>
  process.env.REDIS_URL ? describe(name, fn) : describe.skip(`${name} (skipped: ${SKIP_REASON})`, fn)

/** The run this spec belongs to (a spec file runs in its own context; the run object is shared). */
export function multi(): MultiRun {
  const run = (globalThis as { __SOKO_MULTI__?: MultiRun }).__SOKO_MULTI__
  if (!run) {
    throw new Error("no cluster: run the specs through integration-tests/multi-instance/jest.config.js, with REDIS_URL set")
  }
  return run
}

/** Tests run one after another on one cluster; every wait inside is bounded, so this only catches a hang. */
export const PHASE_TIMEOUT_MS = 15 * 60_000

// Straight to stdout: console.log inside a spec adds a stack location to every progress line.
export const say = (m: string) => void process.stdout.write(`[multi-instance] ${m}\n`)
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `fn` until it returns a value; undefined after `timeoutMs` (the caller's assertion then fails). */
export async function waitFor<T>(label: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 500): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await fn()
      if (value !== undefined) {
        return value
      }
    } catch (error) {
      lastError = error
    }
    await sleep(everyMs)
  }
  say(`gave up waiting for ${label} after ${timeoutMs / 1000} s${lastError ? ` (${(lastError as Error).message})` : ""}`)
  return undefined
}

const quantile = (sorted: number[], q: number) => {
  if (!sorted.length) {
    return NaN
  }
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

export const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    min: sorted[0],
    median: Math.round(quantile(sorted, 0.5)),
    p95: Math.round(quantile(sorted, 0.95)),
    max: sorted[sorted.length - 1],
  }
}
