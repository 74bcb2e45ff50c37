/**
 * PostgreSQL's CPU time on this machine, read from /proc (Linux only): what an
 * iteration costs the database, which the servers' own counters leave out, and
 * what decides how many checkouts a machine with more cores can take.
 *
 * Every live `postgres` process's own time, plus the postmaster's time for
 * children it has reaped: a backend that closed during a round still counts.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"

export type ProcStat = { pid: number; ppid: number; comm: string; ownTicks: number; reapedTicks: number }

/** One `/proc/<pid>/stat` line; the command name is in parentheses and may hold spaces. */
export function parseProcStat(line: string): ProcStat | undefined {
  const open = line.indexOf("(")
  const close = line.lastIndexOf(")")
  if (open < 0 || close < open) {
    return undefined
  }
  // Fields after the name, from field 3 (state): ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  const rest = line.slice(close + 2).split(" ")
  const field = (n: number) => Number(rest[n - 3])
  return {
    pid: Number(line.slice(0, open).trim()),
    ppid: field(4),
    comm: line.slice(open + 1, close),
    ownTicks: field(14) + field(15),
    reapedTicks: field(16) + field(17),
  }
}

/** Total CPU ticks of a PostgreSQL server: its processes' own, plus what the postmaster reaped. */
export function postgresTicks(stats: ProcStat[]): number {
  const pg = stats.filter((s) => s.comm === "postgres")
  const pids = new Set(pg.map((s) => s.pid))
  return pg.reduce((sum, s) => sum + s.ownTicks + (pids.has(s.ppid) ? 0 : s.reapedTicks), 0)
}

let ticksPerSecond: number | undefined

/** PostgreSQL's CPU time so far in ms, or undefined where /proc is not there to read. */
export function postgresCpuMs(): number | undefined {
  let pids: string[]
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d))
  } catch {
    return undefined
  }
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100
  const stats: ProcStat[] = []
  for (const pid of pids) {
    try {
      const stat = parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"))
      if (stat) {
        stats.push(stat)
      }
    } catch {
      // the process ended between the listing and the read
    }
  }
  return (postgresTicks(stats) * 1000) / ticksPerSecond
}
