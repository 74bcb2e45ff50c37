/**
 * Where a checkout's time goes: `npm run bench` measures whole checkouts;
 * this replays the recorded storefront checkout (storefront-checkout.calls.json)
 * one call at a time on one connection, so each call's latency is the
 * server's own work, against vanilla, vanilla-tuned and soko on the bench's run database,
 * and prints each call's median. Run `npm run bench` once first (it seeds and
 * builds).
 *
 *   node -r ts-node/register bench/per-call.ts [--checkouts 15]
 */
import { readFileSync } from "node:fs"
import path from "node:path"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import type { BenchContext } from "./client"
import { arg, CALLBACK_SECRET, DB_NAME, SIM_PORT, sokoConfig, vanillaConfig, vanillaTunedConfig, WORK } from "./config"
import { startServer, stopServer } from "./servers"
import { median } from "./stats"
import { recordedCalls, storefrontCheckout } from "./storefront-calls"

const CHECKOUTS = Number(arg("checkouts", "15"))
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

async function main() {
  const seed = JSON.parse(readFileSync(path.join(WORK, `seed-${DB_NAME}.json`), "utf8"))
  const sim = await startDarajaSimulator({ port: SIM_PORT, callbackDelayMs: 0, autoApprove: true, ruleLimitWindowMs: 0 })
  const prefix = `soko-per-call-${Date.now()}`
  const configs = [vanillaConfig(), vanillaTunedConfig(`${prefix}-vt`), sokoConfig(`${prefix}-s`)]
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
        columns.push(await replay(ctx))
      } finally {
        await stopServer(server)
      }
    }
  } finally {
    await sim.stop()
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
