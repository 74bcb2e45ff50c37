/**
 * Soko as several instances, the way it is deployed to outgrow one process:
 * N server processes (MEDUSA_WORKER_MODE=server) and one worker process
 * (MEDUSA_WORKER_MODE=worker) sharing one PostgreSQL database and one Redis,
 * plus the Daraja simulator, whose callbacks reach the servers through a small
 * round-robin proxy (as a load balancer in front of the servers would), and a
 * local S3 server (../helpers/s3-server.ts) holding every instance's files.
 *
 * Used by the multi-instance specs (booted once by ./setup/global-setup.ts)
 * and by the observability HTTP spec:
 *
 *   const cluster = await startCluster({ basePort: 9800 })
 *   cluster.servers      // ["http://localhost:9801", "http://localhost:9802"]; worker on 9803
 *   cluster.simulator    // the in-process Daraja simulator (control API)
 *   cluster.s3           // the local S3 server the instances' S3_* point at
 *   await cluster.killWorker(); await cluster.startWorker()
 *   await cluster.stop() // stops every process, drops the database, deletes the Redis keys
 *
 * The app runs from source like the launcher runs it (`medusa start` in the
 * repository root, NODE_ENV=development), with the admin disabled
 * (DISABLE_ADMIN=true) so no process starts the admin's Vite dev server. The
 * database is a fresh `soko_multi_<random>` on DB_HOST/DB_PORT/DB_USERNAME/
 * DB_PASSWORD (created and dropped here), or `databaseUrl` when given (then
 * neither created nor dropped). Redis keys, queues and locks live under a
 * per-run SOKO_REDIS_PREFIX, so runs never see each other's events.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { silentLogger, startDarajaSimulator, type DarajaSimulator } from "@soko/daraja-simulator"
import { startS3Server, type LocalS3 } from "../helpers/s3-server"
import { limitsOutOfReach } from "../../src/lib/rate-limits/rules"
import { waitForHttp } from "../../scripts/lib/ports"
import { runStep, startProcess, type Child } from "../../scripts/lib/processes"
import { startProxy } from "./callback-proxy"
import { SHARED_LOGIN_LIMIT, type CallbackProxy, type Cluster, type ClusterOptions, type Instance } from "./cluster-types"
import { adminDatabaseUrl, deleteRedisKeys, query } from "./stores"

export { SHARED_LOGIN_LIMIT, type CallbackProxy, type Cluster, type ClusterOptions, type Instance } from "./cluster-types"

const root = path.resolve(__dirname, "..", "..")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

/** The app's environment: only what it needs, nothing a developer's shell sets for real providers. */
function baseEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(MPESA_|STRIPE_|SENDGRID_|SMS_|S3_|DATABASE_URL$|REDIS_URL$|SOKO_REDIS_PREFIX$|MEDUSA_WORKER_MODE$|PORT$|DB_)/.test(key)) {
      continue
    }
    env[key] = value
  }
  return { ...env, ...extra }
}

/**
 * A server counts as up when its readiness check passes (/health/ready: its
 * PostgreSQL and Redis answer), as a load balancer would see it; a worker
 * serves no store routes, so its liveness (/health) is what there is.
 */
function waitForHealth(instance: Instance, child: Child, timeoutMs: number) {
  return waitForHttp(`${instance.url}${instance.mode === "server" ? "/health/ready" : "/health"}`, { timeoutMs, child })
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const say = options.log ?? ((m: string) => console.log(`[multi-instance] ${m}`))
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL
  if (!redisUrl) {
    throw new Error("startCluster needs Redis (REDIS_URL): several processes share events, workflows and locks only through it")
  }
  const basePort = options.basePort ?? 9800
  const serverCount = options.servers ?? 2
  const workerCount = options.workers ?? 1
  if (serverCount < 1 || workerCount < 1 || serverCount + workerCount > 8) {
    throw new Error("servers and workers must be at least 1 each and at most 8 together")
  }
  const runId = randomBytes(4).toString("hex")
  const logDir = options.logDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "soko-multi-"))
  fs.mkdirSync(logDir, { recursive: true })
  const timings: Record<string, number> = {}
  const timed = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
    const started = Date.now()
    const value = await fn()
    timings[label] = Math.round((Date.now() - started) / 100) / 10
    say(`${label}: ${timings[label]} s`)
    return value
  }

  const ownDatabase = !options.databaseUrl
  const databaseName = `soko_multi_${runId}`
  const databaseUrl = options.databaseUrl ?? adminDatabaseUrl(databaseName)
  const redisPrefix = `soko-multi-${runId}`
  const callbackSecret = randomBytes(24).toString("hex")
  const adminPassword = "supersecret"

  const children: { instance: Instance; child: Child }[] = []
  let simulator: DarajaSimulator | undefined
  let s3: LocalS3 | undefined
  let proxy: (CallbackProxy & { close: () => Promise<void> }) | undefined
  let stopped = false

  const stop = async ({ keep = false }: { keep?: boolean } = {}) => {
    if (stopped) {
      return
    }
    stopped = true
    await Promise.all(children.map(({ child }) => child.stop({ graceMs: 10_000 })))
    await proxy?.close().catch(() => undefined)
    await simulator?.stop().catch(() => undefined)
    await s3?.stop()
    if (keep) {
      say(`kept for a post-mortem: database ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}, Redis keys *${redisPrefix}*`)
      return
    }
    if (ownDatabase) {
      await query(adminDatabaseUrl("postgres"), `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch((e) =>
        say(`could not drop ${databaseName}: ${(e as Error).message}`)
      )
    }
    await deleteRedisKeys(redisUrl, redisPrefix).catch((e) => say(`could not delete Redis keys ${redisPrefix}*: ${(e as Error).message}`))
  }
  // A plain exit of this process kills the instances (scripts/lib/processes' exit hook), a crash too (its reaper).

  try {
    simulator = await startDarajaSimulator({
      port: basePort,
      host: "127.0.0.1",
      callbackDelayMs: 0,
      autoApprove: false,
      promptTimeoutMs: 30 * 60 * 1000,
      ruleLimitWindowMs: 0,
      callbackRetries: 3,
      callbackRetryDelayMs: 1000,
      logger: silentLogger,
    })
    const serverPorts = Array.from({ length: serverCount }, (_, i) => basePort + 1 + i)
    const workerPorts = Array.from({ length: workerCount }, (_, i) => basePort + 1 + serverCount + i)
    const servers = serverPorts.map((p) => `http://localhost:${p}`)
    proxy = await startProxy(basePort + 9, servers)
    s3 = await startS3Server({ bucket: `soko-multi-${runId}` })

    const env = baseEnv({
      NODE_ENV: "development",
      DISABLE_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: options.logLevel ?? "warn",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SOKO_REDIS_PREFIX: redisPrefix,
      MPESA_BASE_URL: simulator.url,
      MPESA_CALLBACK_URL: proxy.url,
      MPESA_CALLBACK_SECRET: callbackSecret,
      MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: "1000",
      MPESA_MAX_PUSHES_PER_CART_PER_HOUR: "1000",
      MPESA_MAX_PUSHES_PER_CLIENT_PER_HOUR: "1000",
      // Every shopper here comes from 127.0.0.1; limits have their own tests,
      // but for failed sign-ins per account, which ./shared-limits.spec.ts checks are shared.
      ...limitsOutOfReach(),
      SOKO_LIMIT_LOGIN_PER_IDENTIFIER: SHARED_LOGIN_LIMIT,
      SOKO_ADMIN_PASSWORD: adminPassword,
      ...s3.env,
      ...options.env,
    })

    if (ownDatabase) {
      await timed("create database", () => query(adminDatabaseUrl("postgres"), `CREATE DATABASE "${databaseName}"`))
    }
    // Awaited without blocking this process: the local S3 server (and the simulator) answer from its
    // event loop while the seed uploads its images.
    await timed("migrate", () => runStep(medusaBin, ["db:migrate"], { cwd: root, env, logFile: path.join(logDir, "migrate.log") }))
    const preparedFile = path.join(logDir, "prepare.json")
    await timed("seed (prepare.ts)", () =>
      runStep(medusaBin, ["exec", "./src/scripts/prepare.ts"], {
        cwd: root,
        env: { ...env, SOKO_PREPARE_OUTPUT: preparedFile },
        logFile: path.join(logDir, "prepare.log"),
      })
    )
    const prepared = JSON.parse(fs.readFileSync(preparedFile, "utf8")) as Cluster["prepared"]

    const launch = (instance: Instance) => {
      const child = startProcess(instance.name, medusaBin, ["start", "--port", String(instance.port)], {
        cwd: root,
        env: { ...env, ...options.instanceEnv?.(instance), PORT: String(instance.port), MEDUSA_WORKER_MODE: instance.mode },
        logFile: instance.logFile,
      })
      instance.pid = child.pid
      children.push({ instance, child })
      return child
    }
    const bootTimeout = options.bootTimeoutMs ?? 300_000
    const instances: Instance[] = [
      ...serverPorts.map((port, i) => ({
        name: `server-${i + 1}`,
        url: servers[i],
        port,
        mode: "server" as const,
        logFile: path.join(logDir, `server-${i + 1}.log`),
      })),
      ...workerPorts.map((port, i) => ({
        name: i ? `worker-${i + 1}` : "worker",
        url: `http://localhost:${port}`,
        port,
        mode: "worker" as const,
        logFile: path.join(logDir, i ? `worker-${i + 1}.log` : "worker.log"),
      })),
    ]
    await timed(`boot ${serverCount} servers + ${workerCount} worker(s)`, () =>
      Promise.all(instances.map((instance) => waitForHealth(instance, launch(instance), bootTimeout)))
    )

    const workerInstance = (index: number) => instances.filter((i) => i.mode === "worker")[index]
    const workerChild = (index: number) => [...children].reverse().find((c) => c.instance.name === workerInstance(index)?.name)
    const sim = simulator
    const prox = proxy
    const files = s3
    return {
      servers,
      workerUrl: `http://localhost:${workerPorts[0]}`,
      callbackBaseUrl: prox.url,
      callbackSecret,
      simulator: sim,
      simulatorUrl: sim.url,
      s3: files,
      proxy: prox,
      databaseUrl,
      redisPrefix,
      prepared,
      adminPassword,
      logDir,
      timings,
      instances: () => children.map((c) => c.instance),
      sql: (text, values) => query(databaseUrl, text, values),
      killWorker: async (index = 0) => {
        const worker = workerChild(index)
        if (!worker) {
          return
        }
        await worker.child.stop({ signal: "SIGKILL", graceMs: 0 })
      },
      startWorker: async (index = 0) => {
        const instance = workerInstance(index)
        if (!instance) {
          throw new Error(`no worker ${index}`)
        }
        const child = launch({ ...instance })
        await waitForHealth(instance, child, bootTimeout)
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
