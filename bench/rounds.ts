/** The measured rounds: every configuration's server side by side, rounds alternating between them. */
import { postgresCpuMs } from "./db-cpu"
import { DURATION_MS, log, ROUNDS, WARMUP_MS, type ConfigSpec } from "./config"
import type { BenchContext } from "./client"
import type { LoadResult } from "./load"
import { SCENARIOS } from "./scenarios"
import { profileRound, serverPids, sideDelta, sideSnapshot, startServer, stopServer, type Loader, type Server } from "./servers"
import { q, summarize, type Round, type Summary } from "./stats"

export type ConfigResult = { name: string; label: string; scenarios: Record<string, Summary & { rounds: Round[] }> }

export async function measure(
  server: Server,
  loader: Loader,
  ctx: BenchContext,
  name: string,
  durationMs: number,
  profiled = false
): Promise<Round> {
  const scenario = SCENARIOS[name]
  if (profiled) {
    await profileRound(server, "start")
  }
  const before = await sideSnapshot(server)
  const dbBefore = postgresCpuMs()
  const res = await loader.ask<LoadResult>({
    type: "run",
    req: { scenario: name, ctx, durationMs, connections: scenario.connections },
  })
  const dbAfter = postgresCpuMs()
  const after = await sideSnapshot(server)
  if (profiled) {
    await profileRound(server, "stop")
  }
  const { sql, cpuMs, rssMb } = sideDelta(before, after)
  const lat = [...res.latenciesMs].sort((x, y) => x - y)
  const its = Math.max(res.iterations, 1)
  return {
    throughput: (res.iterations / res.elapsedMs) * 1000,
    p50: q(lat, 50),
    p95: q(lat, 95),
    p99: q(lat, 99),
    sqlPerRequest: sql / Math.max(res.requests, 1),
    sqlPerIteration: sql / its,
    cpuMsPerIteration: cpuMs / its,
    dbCpuMsPerIteration: dbBefore === undefined || dbAfter === undefined ? NaN : (dbAfter - dbBefore) / its,
    kbPerIteration: res.bytes / 1024 / its,
    rssMb,
    iterations: res.iterations,
    requests: res.requests,
    errors: res.errors,
    firstError: res.firstError,
  }
}

/**
 * All configurations' servers run side by side (each idle while another is
 * measured); for every scenario each gets a warm-up, then the measured rounds
 * alternate between configurations, so a change in the machine's load (it is
 * shared) hits all of them alike.
 */
export async function benchAll(
  specs: ConfigSpec[],
  loader: Loader,
  base: BenchContext,
  admin: { email: string; password: string },
  scenarios: string[]
): Promise<ConfigResult[]> {
  const servers: Server[] = []
  try {
    for (const spec of specs) {
      log(`── ${spec.name}: starting (${spec.label})`)
      const started = Date.now()
      const server = await startServer(spec)
      servers.push(server)
      log(`${spec.name}: healthy in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${serverPids(server).join(", ")})`)
    }
    const ctxs: BenchContext[] = []
    for (const server of servers) {
      const ctx: BenchContext = {
        ...base,
        baseUrl: `http://127.0.0.1:${server.spec.port}`,
        leanResponses: !!server.spec.leanResponses,
      }
      Object.assign(ctx, await loader.ask<Partial<BenchContext>>({ type: "prepare", ctx, admin }))
      ctxs.push(ctx)
    }
    const results: ConfigResult[] = specs.map((spec) => ({ name: spec.name, label: spec.label, scenarios: {} }))
    for (const name of scenarios) {
      const scenario = SCENARIOS[name]
      const active = servers
        .map((_, i) => i)
        .filter((i) => !(specs[i].vanilla && !scenario.vanilla) && !(scenario.needsHooks && specs[i].name === "no-hooks"))
      log(`${name}: ${scenario.label}; warm-up ${WARMUP_MS / 1000} s, ${ROUNDS} × ${Math.max(DURATION_MS, scenario.minRoundMs ?? 0) / 1000} s each on ${active.map((i) => specs[i].name).join(", ")}`)
      for (const i of active) {
        await loader.ask<number>({
          type: "prime",
          req: { scenario: name, ctx: ctxs[i], durationMs: 0, connections: scenario.connections },
        })
        await measure(servers[i], loader, ctxs[i], name, WARMUP_MS)
      }
      const rounds: Round[][] = servers.map(() => [])
      for (let r = 0; r < ROUNDS; r++) {
        for (const i of active) {
          rounds[i].push(await measure(servers[i], loader, ctxs[i], name, Math.max(DURATION_MS, scenario.minRoundMs ?? 0), true))
        }
      }
      for (const i of active) {
        const s = summarize(rounds[i])
        results[i].scenarios[name] = { ...s, rounds: rounds[i] }
        log(
          `  ${specs[i].name.padEnd(9)} ${s.throughput.median.toFixed(2).padStart(7)} it/s  p50 ${s.p50.median.toFixed(0)} ms  p95 ${s.p95.median.toFixed(0)} ms  ` +
            `SQL/req ${s.sqlPerRequest.median.toFixed(1)}  CPU ${s.cpuMsPerIteration.median.toFixed(1)} ms/it (PostgreSQL ${s.dbCpuMsPerIteration.median.toFixed(1)})  RSS ${s.rssMb.median.toFixed(0)} MB` +
            (s.errors.max ? `  errors ${s.errors.max} (${s.firstError})` : "")
        )
      }
    }
    return results
  } finally {
    await Promise.all(servers.map(stopServer))
  }
}
