/**
 * Stops `npm run dev` cleanly when npm alone is stopped.
 *
 * A supervisor (or `kill <npm's pid>`) that signals npm's process only reaches
 * npm and the `sh -c` it runs the script in: npm exits, the shell either dies
 * or waits on, and neither passes the signal to the launcher, which would keep
 * PostgreSQL, Medusa and the storefront running with nobody to stop them.
 * Node has no "parent died" signal and no library offers one, so the launcher
 * checks every second that the npm that started it is still there.
 */
import { execFileSync } from "node:child_process"
import { isAlive } from "./pids"

/** A process's parent and command line, through `ps` (Linux and macOS); undefined where there is none. */
function describe(pid: number): { ppid: number; args: string } | undefined {
  try {
    const line = execFileSync("ps", ["-o", "ppid=,args=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()
    const match = /^(\d+)\s+(.*)$/.exec(line)
    return match ? { ppid: Number(match[1]), args: match[2] } : undefined
  } catch {
    return undefined
  }
}

const isNpm = (args: string) => /(^|[\s/])npm(-cli\.js)?(\s|$)/.test(args)

/** npm's pid when npm started this process (directly, or through the script's shell). */
export function npmAncestor(): number | undefined {
  if (!process.env.npm_lifecycle_event) {
    return undefined
  }
  const parent = describe(process.ppid)
  if (!parent) {
    return undefined
  }
  if (isNpm(parent.args)) {
    return process.ppid
  }
  const grandparent = describe(parent.ppid)
  return grandparent && isNpm(grandparent.args) ? parent.ppid : undefined
}

/**
 * Calls `onGone` once, when the npm that started this process has exited (or
 * the shell between them has, which leaves this process to a new parent).
 * Does nothing when npm did not start it: a launcher started directly keeps
 * running after its terminal closes if the user asked for that (nohup).
 */
export function stopWhenNpmExits(onGone: () => void, intervalMs = 1_000): void {
  const npm = npmAncestor()
  if (!npm) {
    return
  }
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent || !isAlive(npm)) {
      clearInterval(timer)
      onGone()
    }
  }, intervalMs)
  timer.unref()
}
