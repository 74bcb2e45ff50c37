/**
 * `npm run bench`: seeds a larger catalog once, then runs the same scenarios
 * against four configurations in one run on the same database (their
 * servers side by side, measured rounds alternating between them):
 *
 *   vanilla   Medusa 2.21.2 defaults (bench/vanilla/medusa-config.js), no Soko
 *             plugins, no Redis, NODE_ENV=production
 *   vanilla-tuned  Medusa 2.21.2 as a tuned shop runs it (bench/vanilla-tuned):
 *             Soko's Redis modules and Medusa's caching module with its flag on,
 *             no Soko plugins: what any Medusa shop can switch on
 *   no-hooks  Soko's production build and profile, its plugins registered from
 *             copies without the parts that hook into Medusa's own flows
 *             (subscribers to Medusa events, scheduled jobs, middlewares on
 *             Medusa routes)
 *   soko      Soko's production build and profile as shipped
 *
 * The load is the same for all of them but for one thing Soko ships: its
 * storefront asks cart and payment mutations for `fields=id` and renders the
 * cart from one GET, so the load does that against no-hooks and soko; against
 * vanilla it takes Medusa's default responses.
 *
 * Load comes from a second process (bench/load.ts) on loopback. SQL
 * statements, CPU time and RSS come from the servers' own processes through
 * the bench/count-sql.js preload. Results: bench/results/<stamp>.{json,md}
 * (git-ignored) and a table on stdout.
 *
 * Options: --duration <s> (per round, 3) --rounds <n> (3) --warmup <s> (2)
 *          --configs vanilla,vanilla-tuned,no-hooks,soko --scenarios a,b,... --build
 *          --profile <name>=<env json>  (Soko with extra env, to measure one change;
 *            BENCH_BASE=vanilla-tuned starts the variant from the tuned Medusa instead, where
 *            BENCH_WORKFLOW_ENGINE=in-memory swaps its Redis workflow engine for Medusa's default;
 *            BENCH_CLUSTER=n starts it with --cluster n, BENCH_START_ARGS adds arguments to
 *            `medusa start` (e.g. "--servers 1 --workers 1"), BENCH_CPUS pins its processes
 *            (taskset -c), BENCH_SPLIT=1 runs it as a server process and a worker process (port + 100),
 *            BENCH_NODE_OPTIONS adds node flags to the server's main process,
 *            BENCH_CPU_PROFILE_DIR records CPU profiles of the measured rounds only,
 *            BENCH_FULL_RESPONSES=1 has the load ask for Medusa's default responses as vanilla's does)
 *          BENCH_CPU_PROFILE_DIR (environment) records CPU profiles of every config's measured rounds
 *            (<dir>/<pid>-<n>.cpuprofile; the run's log names each config's pid)
 *          BENCH_LOAD_CPUS (environment) pins the load generator (taskset -c), e.g. away from a pinned server
 *          --multi  also run the multi-instance check (2 servers + 1 worker over Redis,
 *            bench/multi.ts) and add its section to the report; --only-multi runs just that
 *          --help  prints this and exits
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import { arg, CALLBACK_SECRET, DURATION_MS, flag, log, RESULTS, ROUNDS, SIM_PORT, sokoConfig, sokoEnv, t0, vanillaConfig, vanillaTunedConfig, variantBase, WARMUP_MS, WORK, type ConfigSpec } from "./config"
import type { BenchContext } from "./client"
import { SCENARIOS } from "./scenarios"
import { runMultiInstance } from "./multi"
import { markdown } from "./report"
import { benchAll } from "./rounds"
import { Loader } from "./servers"
import { ensureBuild, ensureDatabase, gitRev, prepareNoHooksApp } from "./setup"

async function main() {
  if (flag("help")) {
    // The file's own comment is the help text, so the two cannot drift apart.
    console.log(readFileSync(__filename, "utf8").split("*/")[0].replace(/^\/\*\*|^ \* ?/gm, ""))
    return
  }
  mkdirSync(WORK, { recursive: true })
  mkdirSync(RESULTS, { recursive: true })
  if (flag("only-multi")) {
    const multi = await runMultiInstance(log)
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    writeFileSync(path.join(RESULTS, `${stamp}-multi.md`), multi.markdown + "\n")
    console.log(multi.markdown)
    process.exitCode = multi.ok ? 0 : 1
    return
  }
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(", ")
  log(`load average ${loadBefore} on ${os.cpus().length} cores`)
  const scenarios = (arg("scenarios") ?? Object.keys(SCENARIOS).join(",")).split(",")
  for (const s of scenarios) {
    if (!SCENARIOS[s]) {
      throw new Error(`unknown scenario ${s}; known: ${Object.keys(SCENARIOS).join(", ")}`)
    }
  }
  const sim = await startDarajaSimulator({
    port: SIM_PORT,
    callbackDelayMs: 0,
    autoApprove: true,
    ruleLimitWindowMs: 0,
  })
  const loader = new Loader()
  try {
    const seed = await ensureDatabase(`http://127.0.0.1:${SIM_PORT}`)
    log(`catalog: ${seed.productCount} products, ${seed.variantCount} variants`)
    await ensureBuild()
    const stamp = new Date().toISOString().replace(/[:.]/g, "-")
    const prefix = `soko-bench-${stamp}`
    const configs: ConfigSpec[] = [
      vanillaConfig(),
      vanillaTunedConfig(`${prefix}-vt`),
      {
        name: "no-hooks",
        label: "Soko production profile, plugins without their hooks",
        cwd: "",
        port: 9730,
        leanResponses: true,
        env: sokoEnv(9730, `${prefix}-nh`),
      },
      sokoConfig(`${prefix}-s`),
    ]
    // --profile name='{"ENV":"value"}' adds a variant of "soko" with extra env (one change at a time).
    for (let i = 0; i < process.argv.length; i++) {
      if (process.argv[i] === "--profile") {
        const [name, json] = process.argv[i + 1].split(/=(.*)/s)
        // The BENCH_* keys shape how the bench starts the variant; the rest is its environment.
        const { BENCH_BASE = "soko", BENCH_CLUSTER, BENCH_FULL_RESPONSES, BENCH_CPUS: cpus, BENCH_SPLIT, BENCH_START_ARGS, ...extra } = JSON.parse(json) as Record<string, string>
        const cluster = BENCH_CLUSTER ? Number(BENCH_CLUSTER) : undefined
        const leanResponses = BENCH_FULL_RESPONSES !== "1"
        const split = BENCH_SPLIT === "1"
        const startArgs = (BENCH_START_ARGS ?? "").split(/\s+/).filter(Boolean)
        const port = 9750 + configs.length
        const from = variantBase(BENCH_BASE, port, `${prefix}-${name}`)
        configs.push({
          ...from,
          name,
          label: `${BENCH_BASE} + ${JSON.stringify(extra)}${cluster ? ` --cluster ${cluster}` : ""}${startArgs.length ? ` ${startArgs.join(" ")}` : ""}${split ? ", server + worker processes" : ""}${cpus ? ` on CPUs ${cpus}` : ""}${leanResponses ? "" : ", full responses"}`,
          port,
          cluster,
          startArgs,
          split,
          cpus,
          leanResponses,
          env: { ...from.env, ...extra },
        })
      }
    }
    const wanted = (arg("configs") ?? configs.map((c) => c.name).join(",")).split(",")
    const chosen = configs.filter((c) => wanted.includes(c.name))
    if (chosen.some((c) => c.name === "no-hooks")) {
      chosen.find((c) => c.name === "no-hooks")!.cwd = prepareNoHooksApp()
    }
    await loader.start()
    const base: BenchContext = {
      baseUrl: "",
      publishableKey: seed.publishableKey,
      regionId: seed.kenyaRegionId,
      callbackSecret: CALLBACK_SECRET,
      products: seed.products,
    }
    const results = await benchAll(chosen, loader, base, seed.admin, scenarios)
    const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(", ")
    const meta = {
      date: new Date().toISOString(),
      host: os.hostname(),
      cpus: os.cpus().length,
      commit: gitRev(),
      loadBefore,
      loadAfter,
      products: seed.productCount,
      variants: seed.variantCount,
      rounds: ROUNDS,
      durationS: DURATION_MS / 1000,
      warmupS: WARMUP_MS / 1000,
      totalS: Math.round((Date.now() - t0) / 1000),
      configs: chosen.map((c) => ({ name: c.name, label: c.label, cluster: c.cluster ?? null, env: { ...c.env, DATABASE_URL: undefined } })),
    }
    let md = markdown(results, meta, scenarios)
    let multi: Awaited<ReturnType<typeof runMultiInstance>> | undefined
    if (flag("multi")) {
      // The bench's own servers are still up but idle; the cluster uses its own ports and database.
      multi = await runMultiInstance(log)
      md += "\n" + multi.markdown + "\n"
      if (!multi.ok) {
        process.exitCode = 1
      }
    }
    writeFileSync(path.join(RESULTS, `${stamp}.json`), JSON.stringify({ meta, results, multiInstance: multi?.measurements ?? null }, null, 2))
    writeFileSync(path.join(RESULTS, `${stamp}.md`), md)
    writeFileSync(path.join(RESULTS, "latest.md"), md)
    console.log("\n" + md)
    log(`done in ${meta.totalS} s; results in bench/results/${stamp}.{json,md}`)
  } finally {
    loader.stop()
    await sim.stop()
  }
}

main().catch((e) => {
  console.error(e)
  // A bench that could not finish must not look like a finished one.
  process.exit(1)
})
