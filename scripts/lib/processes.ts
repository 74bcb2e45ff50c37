/**
 * The one way our scripts and harnesses start, watch and stop child processes.
 *
 * - Each child runs in a process group of its own (execa's `detached`), so
 *   stopping it stops everything it spawned: `medusa develop` runs the server
 *   as a grandchild, `npm run dev` runs next, which runs its workers.
 * - stop() sends SIGTERM (or the signal given) to the whole group, and SIGKILL
 *   after a grace period.
 * - A parent that exits normally kills what is left on its way out; a parent
 *   that is killed outright cannot, so every group is also registered with a
 *   detached reaper (./reaper.js) that stops them when the parent's pipe closes.
 */
import { type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import type { execa as Execa } from "execa" with { "resolution-mode": "import" }
import { LauncherError } from "./log"

// execa is an ES module; Node 20.19+ require()s it, but TypeScript's Node16 mode only allows type imports.
const { execa } = require("execa") as { execa: typeof Execa }

export type Child = {
  name: string
  pid: number
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>
  /** Resolves once all its output is written (after `exited`). */
  settled: Promise<void>
  alive: () => boolean
  /** The last lines it printed, for error messages. */
  tail: (lines?: number) => string
  /** Signals the whole group, SIGKILL after `graceMs`; resolves when the group is gone. */
  stop: (options?: StopOptions) => Promise<void>
}

export type StopOptions = { signal?: NodeJS.Signals; graceMs?: number }

export type StartOptions = {
  cwd: string
  env: NodeJS.ProcessEnv
  /** Output is appended to this file instead of relayed to this process's stdout/stderr. */
  logFile?: string
  /** Prefix for relayed lines; default `[name] `. Ignored with logFile. */
  prefix?: string
  /** Called with each line it prints (stdout and stderr), to watch for a message. */
  onLine?: (line: string) => void
  /** What the reaper sends if this process dies first; postgres wants SIGINT. */
  crashSignal?: NodeJS.Signals
}

const DEFAULT_GRACE_MS = 10_000
const TAIL_LINES = 60
const running = new Set<Child>()

/** Starts a long-running child; see the file comment for how it is stopped. */
export function startProcess(name: string, command: string, args: string[], options: StartOptions): Child {
  reaper.start()
  const recent: string[] = []
  const remember = (line: string) => {
    recent.push(line)
    if (recent.length > TAIL_LINES) {
      recent.shift()
    }
  }
  const prefix = options.prefix ?? `[${name}] `
  const relay = function* (line: unknown) {
    remember(String(line))
    options.onLine?.(String(line))
    yield options.logFile ? String(line) : `${prefix}${String(line)}`
  }
  if (options.logFile) {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true })
  }
  const target = options.logFile ? { file: options.logFile, append: true } : "inherit"
  const common = {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    // Our own exit hook and the reaper clean up; execa's would skip detached children anyway.
    cleanup: false,
    reject: false,
    buffer: false,
    stdin: "ignore",
  } as const
  const subprocess = execa(command, args, { ...common, stdout: [relay, target], stderr: [relay, target] })
  // execa settles once the output is written, which grandchildren holding the pipe can delay;
  // "exit" (below) is when this child itself is gone.
  const settled = subprocess.then(
    () => undefined,
    () => undefined
  )
  const pid = subprocess.pid
  if (pid === undefined) {
    throw new LauncherError(`Could not start \`${command}\` for ${name} (is it installed?)`)
  }
  let isAlive = true
  const exited = new Promise<number | null>((resolve) =>
    (subprocess as unknown as ChildProcess).once("exit", (code) => {
      isAlive = false
      resolve(code)
    })
  )
  reaper.own(pid, options.crashSignal ?? "SIGTERM")

  const child: Child = {
    name,
    pid,
    exited,
    settled,
    alive: () => isAlive,
    tail: (lines = 25) => recent.slice(-lines).join("\n"),
    stop: async ({ signal = "SIGTERM", graceMs = DEFAULT_GRACE_MS }: StopOptions = {}) => {
      if (signalGroup(pid, 0)) {
        signalGroup(pid, signal)
        const force = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs)
        await exited
        clearTimeout(force)
        // Members may outlive the leader for a moment; nothing of it may stay.
        signalGroup(pid, "SIGKILL")
        await groupGone(pid)
      }
      running.delete(child)
      reaper.release(pid)
    },
  }
  running.add(child)
  void exited.then(async () => {
    // A leader that ends by itself may leave members behind (a crashed server's workers).
    signalGroup(pid, "SIGKILL")
    await groupGone(pid)
    running.delete(child)
    reaper.release(pid)
  })
  return child
}

/**
 * Runs a command to completion with its output in `logFile`; fails with the log's tail.
 * A step still running after `timeoutMs` is stopped, with everything it started, and reported.
 */
export async function runStep(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; timeoutMs?: number }
): Promise<void> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true })
  fs.writeFileSync(options.logFile, "")
  const step = startProcess(path.basename(command), command, args, options)
  let timedOut = false
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true
        void step.stop({ graceMs: 2_000 })
      }, options.timeoutMs)
    : undefined
  const code = await step.exited
  clearTimeout(timer)
  await step.settled
  if (code !== 0 || timedOut) {
    const why = timedOut ? `did not finish within ${Math.round(options.timeoutMs! / 1000)} s` : `failed (exit ${code})`
    throw new LauncherError(
      `\`${[path.basename(command), ...args].join(" ")}\` ${why} in ${options.cwd}. ` +
        `Last lines of ${options.logFile}:\n${step.tail()}`
    )
  }
}

/** Stops every child this process started, newest first. */
export async function stopAll(options?: StopOptions): Promise<void> {
  for (const child of [...running].reverse()) {
    await child.stop(options)
  }
}

/**
 * Registers a process this module did not start (embedded PostgreSQL's server)
 * with the reaper, so a crash of this process stops it too.
 */
export function guardProcess(pid: number, crashSignal: NodeJS.Signals = "SIGTERM"): () => void {
  reaper.own(pid, crashSignal)
  return () => reaper.release(pid)
}

/** Signals a process group (and its leader, should it have left the group); false when none is left. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  let reached = false
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal)
      reached = true
    } catch {
      // not a group leader, or already gone
    }
  }
  return reached
}

async function groupGone(pid: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  // Bounded: a zombie whose parent never reaps it would otherwise keep us here.
  while (signalGroup(pid, 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50))
  }
}

const reaper = (() => {
  let pipe: NodeJS.WritableStream | undefined
  let pid: number | undefined
  const ensure = () => {
    if (!pipe) {
      const subprocess = execa(process.execPath, [path.join(__dirname, "reaper.js"), String(DEFAULT_GRACE_MS)], {
        detached: true,
        cleanup: false,
        reject: false,
        buffer: false,
        stdin: "pipe",
        stdout: "ignore",
        stderr: "ignore",
        cwd: path.parse(process.cwd()).root,
      })
      void subprocess.catch(() => undefined)
      pid = subprocess.pid
      // Neither the reaper nor its pipe may keep this process alive.
      subprocess.unref()
      const stdin = subprocess.stdin as NodeJS.WritableStream & { unref?: () => void }
      stdin.unref?.()
      stdin.on("error", () => undefined)
      pipe = stdin
    }
    return pipe
  }
  const send = (line: string) => ensure().write(`${line}\n`)
  return {
    /**
     * Started before the first child, not with it: booting the reaper takes
     * tens of milliseconds, and a parent killed in that window (right after
     * spawning) left its child running. Registering is then one pipe write
     * right after the spawn; only a kill between the two can still leave a child.
     */
    start: () => void ensure(),
    own: (pid: number, signal: NodeJS.Signals) => send(`+${pid} ${signal}`),
    release: (child: number) => pipe && send(`-${child}`),
    pid: () => pid,
  }
})()

/**
 * This process's own reaper, if it started one: it lives as long as this
 * process does, so a check for leftovers made from here must not count it.
 */
export const ownReaperPid = (): number | undefined => reaper.pid()

// An ordinary exit (end of the event loop, process.exit, an uncaught error) can still signal synchronously.
process.once("exit", () => {
  for (const child of running) {
    signalGroup(child.pid, "SIGKILL")
  }
})
