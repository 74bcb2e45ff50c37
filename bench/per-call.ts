/**
 * Where a checkout's time goes: `npm run bench` measures whole checkouts;
 * this replays the recorded storefront checkout (storefront-checkout.calls.json)
 * one call at a time on one connection, so each call's latency is the
 * server's own work, against vanilla, vanilla-tuned and soko on the bench's run database,
 * and prints each call's median. Run `npm run bench` once first (it seeds and
 * builds).
 *
 *   node -r ts-node/register bench/per-call.ts [--checkouts 15] [--configs soko]
 *
 * `--compare <recording>` measures another recording of the storefront's
 * checkout (an older storefront's, say) against the current one instead: on
 * each server, checkouts alternate between the two, one at a time, and each
 * checkout's wall time, server CPU and SQL statements (its background work
 * included: a second's pause follows it) are compared by median.
 */
import { readFileSync } from "node:fs"
import path from "node:path"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import type { BenchContext } from "./client"
import { arg, CALLBACK_SECRET, DB_NAME, SIM_PORT, sokoConfig, vanillaConfig, vanillaTunedConfig, WORK } from "./config"
import { sideDelta, sideSnapshot, startServer, stopServer, type Server } from "./servers"
import { median } from "./stats"
import { CALLS_FILE, recordedCalls, storefrontCheckout, type CallTemplate } from "./storefront-calls"

const CHECKOUTS = Number(arg("checkouts", "15"))
const COMPARE = arg("compare")
const WANTED = arg("configs")?.split(",")
/** Checkouts before measuring: the server's first ones warm its caches and JIT. */
const WARMUP = 2

/** Each recorded call's latencies (ms) over `CHECKOUTS` checkouts on one connection. */
async function replay(ctx: BenchContext): Promise<number[][]> {
  const times: number[][] = recordedCalls().map(() => [])
  const counter = { requests: 0, bytes: 0 }
  for (let i = 0; i < WARMUP; i++) {
    await storefrontCheckout(ctx, counter)
  }
  for (let i = 0; i < CHECKOUTS; i++) {
    await storefrontCheckout(ctx, counter, (index, ms) => times[index].push(ms))
  }
  return times
}

type Cost = { wallMs: number[]; cpuMs: number[]; sql: number[] }

/** Checkouts alternating between recordings (order swapped every round), each measured alone. */
async function compare(server: Server, ctx: BenchContext, recordings: CallTemplate[][]): Promise<Cost[]> {
  const costs: Cost[] = recordings.map(() => ({ wallMs: [], cpuMs: [], sql: [] }))
  const counter = { requests: 0, bytes: 0 }
  for (const calls of recordings) {
    for (let i = 0; i < WARMUP; i++) {
      await storefrontCheckout(ctx, counter, undefined, calls)
    }
  }
  for (let i = 0; i < CHECKOUTS; i++) {
    const order = i % 2 ? [...recordings.keys()].reverse() : [...recordings.keys()]
    for (const k of order) {
      const before = await sideSnapshot(server)
      const started = performance.now()
      await storefrontCheckout(ctx, counter, undefined, recordings[k])
      costs[k].wallMs.push(performance.now() - started)
      // Its order.placed subscribers run after the answer: their work is this checkout's too.
      await new Promise((r) => setTimeout(r, 1000))
      const spent = sideDelta(before, await sideSnapshot(server))
      costs[k].cpuMs.push(spent.cpuMs)
      costs[k].sql.push(spent.sql)
    }
  }
  return costs
}

function printComparison(name: string, files: string[], recordings: CallTemplate[][], costs: Cost[]) {
  console.log(`${name}: median per checkout over ${CHECKOUTS} checkouts each, one at a time`)
  costs.forEach((c, k) => {
    console.log(
      `  ${path.relative(process.cwd(), files[k]).padEnd(52)} ${String(recordings[k].length).padStart(3)} calls  ` +
        `${median(c.wallMs).toFixed(0).padStart(5)} ms  CPU ${median(c.cpuMs).toFixed(0).padStart(5)} ms  SQL ${median(c.sql).toFixed(0).padStart(4)}`
    )
  })
  const [now, other] = costs
  console.log(
    `  current ÷ other: wall ${(median(now.wallMs) / median(other.wallMs)).toFixed(2)}, CPU ${(median(now.cpuMs) / median(other.cpuMs)).toFixed(2)}, ` +
      `SQL ${(median(now.sql) - median(other.sql)).toFixed(0)} statements`
  )
}

async function main() {
  const seed = JSON.parse(readFileSync(path.join(WORK, `seed-${DB_NAME}.json`), "utf8"))
  const sim = await startDarajaSimulator({ port: SIM_PORT, callbackDelayMs: 0, autoApprove: true, ruleLimitWindowMs: 0 })
  const prefix = `soko-per-call-${Date.now()}`
  const configs = [vanillaConfig(), vanillaTunedConfig(`${prefix}-vt`), sokoConfig(`${prefix}-s`)].filter(
    (c) => !WANTED || WANTED.includes(c.name)
  )
  const files = COMPARE ? [CALLS_FILE, path.resolve(COMPARE)] : []
  const columns: number[][][] = []
  try {
    for (const config of configs) {
      const server = await startServer(config)
      try {
        const ctx: BenchContext = {
          baseUrl: `http://127.0.0.1:${config.port}`,
          publishableKey: seed.publishableKey,
          regionId: seed.kenyaRegionId,
          callbackSecret: CALLBACK_SECRET,
          products: seed.products,
        }
        if (COMPARE) {
          const recordings = files.map((f) => recordedCalls(f))
          printComparison(config.name, files, recordings, await compare(server, ctx, recordings))
        } else {
          columns.push(await replay(ctx))
        }
      } finally {
        await stopServer(server)
      }
    }
  } finally {
    await sim.stop()
  }
  if (COMPARE) {
    return
  }
  console.log(`median ms per call over ${CHECKOUTS} checkouts: ${configs.map((c) => c.name).join(" | ")}`)
  recordedCalls().forEach((call, k) => {
    const cells = columns.map((times) => median(times[k]).toFixed(1).padStart(7))
    console.log(`${String(k).padStart(2)} ${call.method.padEnd(6)} ${call.path.split("?")[0].padEnd(56)} ${cells.join(" ")}`)
  })
  const sums = columns.map((times) => times.reduce((sum, t) => sum + median(t), 0).toFixed(0))
  console.log(`sum of medians: ${configs.map((c, j) => `${c.name} ${sums[j]} ms`).join(", ")}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
