/** The shapes of the multi-instance cluster (./cluster.ts). */
import type { DarajaSimulator } from "@soko/daraja-simulator"
import type { LocalS3 } from "../helpers/s3-server"

export type ClusterOptions = {
  /** First port of a block of 10: simulator +0, servers +1.., then workers, proxy +9. Default 9800. */
  basePort?: number
  /** Server processes (default 2, at most 7). */
  servers?: number
  /** Worker processes (default 1); servers + workers ≤ 8. */
  workers?: number
  /** Required: the Redis every instance shares. Default process.env.REDIS_URL. */
  redisUrl?: string
  /** An existing, empty database to use instead of creating soko_multi_<random>. */
  databaseUrl?: string
  /** Extra environment for every Medusa process (e.g. MPESA_RECONCILE_AFTER_SECONDS). */
  env?: NodeJS.ProcessEnv
  /** Extra environment for one process (e.g. its own SOKO_METRICS_PORT), over `env`. */
  instanceEnv?: (instance: Instance) => NodeJS.ProcessEnv
  /** Folder for the processes' logs. Default: a new temp folder. */
  logDir?: string
  /** Medusa's LOG_LEVEL in the instances. Default "warn". */
  logLevel?: string
  /** Progress lines. Default: console.log with a prefix. */
  log?: (message: string) => void
  /** How long each process may take to answer /health. Default 300 s. */
  bootTimeoutMs?: number
}

export type Instance = {
  name: string
  url: string
  port: number
  mode: "server" | "worker"
  logFile: string
  pid?: number
}

export type HeldCallback = { path: string; body: Buffer; receivedAt: number }

/** A round-robin HTTP forwarder in front of the servers, that can also hold requests. */
export type CallbackProxy = {
  url: string
  /** Requests forwarded to each server so far. */
  forwarded: number[]
  /** Hold mode: answer Daraja "Accepted" at once and keep the request instead of forwarding it. */
  hold: (on: boolean) => void
  /** The requests held so far (and forget them). */
  takeHeld: () => HeldCallback[]
}

export type Cluster = {
  /** Base URLs of the server processes. */
  servers: string[]
  /** Health URL of the first worker process (it serves no API). */
  workerUrl: string
  /** Where Daraja callbacks should go (the round-robin proxy). */
  callbackBaseUrl: string
  /** The callback secret in the STK callback path: `${server}/hooks/daraja/stk/${callbackSecret}`. */
  callbackSecret: string
  simulator: DarajaSimulator
  simulatorUrl: string
  /** The S3-compatible store every instance's file module uses (S3_*). */
  s3: LocalS3
  proxy: CallbackProxy
  databaseUrl: string
  redisPrefix: string
  instances: () => Instance[]
  /** The prepare script's facts: publishable key, region ids, admin email. */
  prepared: { publishableKey: string; kenyaRegionId: string; internationalRegionId: string; adminEmail: string }
  adminPassword: string
  logDir: string
  /** SIGKILL a worker (default the first; its whole process group): no shutdown hooks run. */
  killWorker: (index?: number) => Promise<void>
  /** Start that worker again (a new process) and wait until it answers /health. */
  startWorker: (index?: number) => Promise<void>
  /** One SQL query against the cluster's database. */
  sql: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>
  /** Stops everything; `keep` leaves the database and the Redis keys for a post-mortem. */
  stop: (options?: { keep?: boolean }) => Promise<void>
  /** Seconds each start-up stage took. */
  timings: Record<string, number>
}

/**
 * Failed sign-ins per account in the cluster (./shared-limits.spec.ts). Here, not in
 * ./cluster.ts, so that specs can read it without loading the process helper (execa).
 */
export const SHARED_LOGIN_LIMIT = "5/15m"
