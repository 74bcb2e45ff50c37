/** The measured servers and the load process: start, stop, and read the servers' own counters. */
import { fork, type ChildProcess } from "node:child_process"
import { mkdirSync, readdirSync, rmSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import { waitForHttp } from "../scripts/lib/ports"
import { startProcess, stopAll, type Child } from "../scripts/lib/processes"
import { baseEnv, BENCH, MEDUSA_CLI, PRELOAD, ROOT, WORK, type ConfigSpec } from "./config"

export type Server = { child: Child; sideDir: string; spec: ConfigSpec }

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Ctrl-C: stop the servers first; 130 is the shell's code for SIGINT.
    void stopAll().finally(() => process.exit(130))
  })
}

export async function startServer(spec: ConfigSpec): Promise<Server> {
  const sideDir = path.join(WORK, "side", spec.name)
  rmSync(sideDir, { recursive: true, force: true })
  mkdirSync(sideDir, { recursive: true })
  const logFile = path.join(WORK, `server-${spec.name}.log`)
  rmSync(logFile, { force: true })
  const args = [MEDUSA_CLI, "start", "--port", String(spec.port)]
  if (spec.cluster) {
    args.push("--cluster", String(spec.cluster))
  }
  // Flags such as --cpu-prof are refused in NODE_OPTIONS: they go on the command line (main process only).
  const nodeFlags = (spec.env.BENCH_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean)
  const child = startProcess(`server ${spec.name}`, process.execPath, [...nodeFlags, ...args], {
    cwd: spec.cwd,
    env: {
      ...baseEnv(),
      ...spec.env,
      PORT: String(spec.port),
      NODE_OPTIONS: `-r ${PRELOAD}`,
      BENCH_SIDE_DIR: sideDir,
    },
    logFile,
  })
  await waitForHttp(`http://127.0.0.1:${spec.port}/health`, { timeoutMs: 240_000, child })
  return { child, sideDir, spec }
}

export async function stopServer(server: Server) {
  await server.child.stop({ graceMs: 15_000 })
}

export type Side = { pid: number; sql: number; cpuUserUs: number; cpuSystemUs: number; rss: number }

export function readSocket(socketPath: string): Promise<Side | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: "/" }, (res) => {
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
