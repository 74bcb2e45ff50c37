/** The measured rounds: every configuration's server side by side, rounds alternating between them. */
import { postgresCpuMs } from "./db-cpu"
import { DURATION_MS, log, ROUNDS, WARMUP_MS, type ConfigSpec } from "./config"
import type { BenchContext } from "./client"
import type { LoadResult } from "./load"
import { SCENARIOS } from "./scenarios"
import { profileRound, serverPids, sideDelta, sideSnapshot, startServer, stopServer, type Loader, type Server } from "./servers"
import { settle, SETTLE_MAX_MS } from "./settle"
import { q, roundOrder, scenarioGroups, summarize, type Round, type Summary } from "./stats"

export type ConfigResult = { name: string; label: string; scenarios: Record<string, Summary & { rounds: Round[] }> }

/** The configurations (by index) a scenario runs on. */
function activeConfigs(specs: ConfigSpec[], name: string): number[] {
  const scenario = SCENARIOS[name]
  return specs
    .map((_, i) => i)
    .filter((i) => !(specs[i].vanilla && !scenario.vanilla) && !(scenario.needsHooks && specs[i].name === "no-hooks"))
}

const roundMs = (name: string) => Math.max(DURATION_MS, SCENARIOS[name].minRoundMs ?? 0)

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
  const atLoadEnd = await sideSnapshot(server)
  // The round's own background work (events, callbacks) counts for it, not for the next round.
  const { after, tailMs, settled } = await settle(atLoadEnd, () => sideSnapshot(server), sideDelta)
  const dbAfter = postgresCpuMs()
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
    tailCpuMsPerIteration: sideDelta(atLoadEnd, after).cpuMs / its,
    tailMs,
    unsettled: settled ? 0 : 1,
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
 * shared) hits all of them alike. Each round starts with the next configuration
 * (a rotation), so none always follows the same one, and round r of every
 * configuration falls in the same stretch of time: the report pairs them. The
 * scenarios of a group (the checkouts) alternate the same way, as one.
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
    for (const group of scenarioGroups(scenarios, (name) => SCENARIOS[name].group)) {
      const units = group.flatMap((name) => activeConfigs(specs, name).map((i) => ({ name, i })))
      for (const name of group) {
        const scenario = SCENARIOS[name]
        log(`${name}: ${scenario.label}; warm-up ${WARMUP_MS / 1000} s, ${ROUNDS} × ${roundMs(name) / 1000} s each on ${activeConfigs(specs, name).map((i) => specs[i].name).join(", ")}`)
      }
      if (group.length > 1) {
        log(`  rounds alternate across ${group.join(", ")}`)
      }
      for (const { name, i } of units) {
        await loader.ask<number>({
          type: "prime",
          req: { scenario: name, ctx: ctxs[i], durationMs: 0, connections: SCENARIOS[name].connections },
        })
        await measure(servers[i], loader, ctxs[i], name, WARMUP_MS)
      }
      const rounds = new Map(units.map((u) => [u, [] as Round[]]))
      for (let r = 0; r < ROUNDS; r++) {
        for (const u of roundOrder(units, r)) {
          rounds.get(u)!.push(await measure(servers[u.i], loader, ctxs[u.i], u.name, roundMs(u.name), true))
        }
      }
      for (const [{ name, i }, own] of rounds) {
        const s = summarize(own)
        results[i].scenarios[name] = { ...s, rounds: own }
        log(
          `  ${name} ${specs[i].name.padEnd(9)} ${s.throughput.median.toFixed(2).padStart(7)} it/s  p50 ${s.p50.median.toFixed(0)} ms  p95 ${s.p95.median.toFixed(0)} ms  ` +
            `SQL/req ${s.sqlPerRequest.median.toFixed(1)}  CPU ${s.cpuMsPerIteration.median.toFixed(1)} ms/it (PostgreSQL ${s.dbCpuMsPerIteration.median.toFixed(1)}; ` +
            `${s.tailCpuMsPerIteration.median.toFixed(1)} after the load, over ${(s.tailMs.median / 1000).toFixed(1)} s)  RSS ${s.rssMb.median.toFixed(0)} MB` +
            (s.unsettled.max ? `  still busy ${SETTLE_MAX_MS / 1000} s after the load in ${own.filter((x) => x.unsettled).length} of ${ROUNDS} rounds` : "") +
            (s.errors.max ? `  errors ${s.errors.max} (${s.firstError})` : "")
        )
      }
    }
    return results
  } finally {
    await Promise.all(servers.map(stopServer))
  }
}
