/** The measured servers and the load process: start, stop, and read the servers' own counters. */
import { execFileSync, fork, type ChildProcess } from "node:child_process"
import { mkdirSync, readdirSync, rmSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import { waitForHttp } from "../scripts/lib/ports"
import { startProcess, stopAll, type Child } from "../scripts/lib/processes"
import { baseEnv, BENCH, MEDUSA_CLI, PRELOAD, ROOT, WORK, type ConfigSpec } from "./config"

export type Server = { child: Child; companions: Child[]; sideDir: string; spec: ConfigSpec }

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Ctrl-C: stop the servers first; 130 is the shell's code for SIGINT.
    void stopAll().finally(() => process.exit(130))
  })
}

function startMedusa(spec: ConfigSpec, sideDir: string, role: { name: string; port: number; env: Record<string, string> }): Child {
  const logFile = path.join(WORK, `${role.name}.log`)
  rmSync(logFile, { force: true })
  const args = [MEDUSA_CLI, "start", "--port", String(role.port)]
  if (spec.cluster) {
    args.push("--cluster", String(spec.cluster))
  }
  args.push(...(spec.startArgs ?? []))
  // Flags such as --cpu-prof are refused in NODE_OPTIONS: they go on the command line (main process only).
  const nodeFlags = (spec.env.BENCH_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean)
  const command = [process.execPath, ...nodeFlags, ...args]
  // taskset execs the server in its own place, so the pid (and stopping it) stays the server's.
  const pinned = spec.cpus ? ["taskset", "-c", spec.cpus, ...command] : command
  return startProcess(role.name, pinned[0], pinned.slice(1), {
    cwd: spec.cwd,
    env: {
      ...baseEnv(),
      ...spec.env,
      ...role.env,
      PORT: String(role.port),
      NODE_OPTIONS: `-r ${PRELOAD}`,
      BENCH_SIDE_DIR: sideDir,
    },
    logFile,
  })
}

export async function startServer(spec: ConfigSpec): Promise<Server> {
  const sideDir = path.join(WORK, "side", spec.name)
  rmSync(sideDir, { recursive: true, force: true })
  mkdirSync(sideDir, { recursive: true })
  const child = startMedusa(spec, sideDir, {
    name: `server-${spec.name}`,
    port: spec.port,
    env: spec.split ? { MEDUSA_WORKER_MODE: "server" } : {},
  })
  // The worker shares the side folder, so its CPU and SQL count with the server's.
  const companions = spec.split
    ? [startMedusa(spec, sideDir, { name: `worker-${spec.name}`, port: spec.port + 100, env: { MEDUSA_WORKER_MODE: "worker" } })]
    : []
  await waitForHttp(`http://127.0.0.1:${spec.port}/health`, { timeoutMs: 240_000, child })
  return { child, companions, sideDir, spec }
}

export async function stopServer(server: Server) {
  await Promise.all([server.child, ...server.companions].map((c) => c.stop({ graceMs: 15_000 })))
}

export type Side = { pid: number; sql: number; cpuUserUs: number; cpuSystemUs: number; rss: number }

export function readSocket(socketPath: string, route = "/"): Promise<Side | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: route }, (res) => {
      let body = ""
      res.on("data", (c) => (body += c))
      res.on("end", () => {
        try {
          resolve(JSON.parse(body))
        } catch {
          resolve(undefined)
        }
      })
    })
    req.on("error", () => resolve(undefined))
    req.setTimeout(5000, () => req.destroy())
  })
}

export async function sideSnapshot(server: Server): Promise<Map<number, Side>> {
  const files = readdirSync(server.sideDir).filter((f) => f.endsWith(".sock"))
  const all = await Promise.all(files.map((f) => readSocket(path.join(server.sideDir, f))))
  return new Map(all.filter((s): s is Side => !!s).map((s) => [s.pid, s]))
}

/** What a server's processes spent between two snapshots (a process started in between counts from zero). */
export function sideDelta(before: Map<number, Side>, after: Map<number, Side>) {
  let sql = 0
  let cpuUs = 0
  let rss = 0
  for (const [pid, a] of after) {
    const b = before.get(pid) ?? { sql: 0, cpuUserUs: 0, cpuSystemUs: 0 }
    sql += a.sql - b.sql
    cpuUs += a.cpuUserUs + a.cpuSystemUs - b.cpuUserUs - b.cpuSystemUs
    rss += a.rss
  }
  return { sql, cpuMs: cpuUs / 1000, rssMb: rss / 1024 / 1024 }
}

/** The server's processes, by the side sockets they answer on (bench/count-sql.js). */
export function serverPids(server: Server): string[] {
  return readdirSync(server.sideDir)
    .filter((f) => f.endsWith(".sock"))
    .map((f) => f.replace(/\.sock$/, ""))
}

/**
 * Starts or stops the V8 profiler in every server process of a config run with BENCH_CPU_PROFILE_DIR
 * (bench/count-sql.js): a `--profile` variant's, or the bench's own environment's for every config.
 */
export async function profileRound(server: Server, command: "start" | "stop") {
  if (!server.spec.env.BENCH_CPU_PROFILE_DIR && !process.env.BENCH_CPU_PROFILE_DIR) {
    return
  }
  await Promise.all(serverPids(server).map((pid) => readSocket(path.join(server.sideDir, `${pid}.sock`), `/profile/${command}`)))
}

// ---------------------------------------------------------------- load child

export class Loader {
  private child?: ChildProcess
  async start() {
    this.child = fork(path.join(BENCH, "load.ts"), [], {
      execArgv: ["-r", "ts-node/register"],
      env: { ...baseEnv(), TS_NODE_TRANSPILE_ONLY: "true" },
      cwd: ROOT,
    })
    await new Promise<void>((resolve) => this.child!.once("message", () => resolve()))
    // BENCH_LOAD_CPUS keeps the load generator off the servers' CPUs (taskset, Linux).
    if (process.env.BENCH_LOAD_CPUS) {
      execFileSync("taskset", ["-a", "-pc", process.env.BENCH_LOAD_CPUS, String(this.child.pid)], { stdio: "ignore" })
    }
  }
  ask<T>(msg: object): Promise<T> {
    const child = this.child!
    return new Promise((resolve, reject) => {
      child.once("message", (m: { ok: boolean; result?: T; error?: string }) =>
        m.ok ? resolve(m.result as T) : reject(new Error(m.error))
      )
      child.send(msg)
    })
  }
  stop() {
    this.child?.send({ type: "exit" })
  }
}
