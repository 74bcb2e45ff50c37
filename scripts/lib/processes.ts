import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { LauncherError } from "./log"

export type Managed = {
  name: string
  child: ChildProcess
  alive: () => boolean
  stop: () => Promise<void>
}

/**
 * Starts a long-running child in its own process group, so stopping it stops
 * everything it spawned too (medusa develop runs the server as a grandchild).
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; prefix?: string }
): Managed {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const prefix = options.prefix ?? `[${name}] `
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffer = ""
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        out.write(`${prefix}${line}\n`)
      }
    })
  }
  relay(child.stdout, process.stdout)
  relay(child.stderr, process.stderr)

  let exited = false
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => {
    exited = true
    resolve()
  }))

  return {
    name,
    child,
    alive: () => !exited,
    stop: async () => {
      if (exited || child.pid === undefined) {
        return
      }
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal)
        } catch {
          // already gone
        }
      }
      signalGroup("SIGTERM")
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000)
      await exitedPromise
      clearTimeout(timer)
      // The group may outlive its leader for a moment; make sure nothing stays.
      signalGroup("SIGKILL")
    },
  }
}

/** Runs a command to completion, keeping its output in a log file; shows the tail on failure. */
export async function runStep(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }
): Promise<void> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true })
  const out = fs.openSync(options.logFile, "w")
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", out, out],
    detached: true,
  })
  current.add(child)
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve))
  current.delete(child)
  fs.closeSync(out)
  if (code !== 0) {
    const tail = fs.readFileSync(options.logFile, "utf8").trim().split("\n").slice(-25).join("\n")
    throw new LauncherError(
      `\`${[path.basename(command), ...args].join(" ")}\` failed (exit ${code}). Last lines of ${options.logFile}:\n${tail}`
    )
  }
}

const current = new Set<ChildProcess>()

/** Stops any step still running (Ctrl-C during migrations or seeding). */
export function killRunningSteps() {
  for (const child of current) {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {
      // already gone
    }
  }
}
