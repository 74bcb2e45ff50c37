import os from "node:os"

/**
 * How busy the whole machine was while a step ran: every process counts
 * (PostgreSQL, Redis, Chromium, steps side by side), because a test run's
 * time on a small machine is bounded by all of them together. Node's
 * `os.cpus()` gives the kernel's per-core counters on Linux and macOS, so no
 * /proc parsing of our own.
 */
export type CpuTimes = Pick<os.CpuInfo["times"], "user" | "nice" | "sys" | "idle" | "irq">

/** Busy (non-idle) core-milliseconds summed over the cores, from counters read at one moment. */
export function busyMs(cores: { times: CpuTimes }[]): number {
  return cores.reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0)
}

export type CpuUse = { busySeconds: number; cores: number }

/** Starts measuring; the returned function gives the busy core-seconds since then. */
export function startCpuMeter(read: () => { times: CpuTimes }[] = os.cpus): () => CpuUse {
  const before = read()
  return () => {
    const after = read()
    return { busySeconds: Math.max(0, busyMs(after) - busyMs(before)) / 1000, cores: after.length }
  }
}

/** "1.6 of 2 cores": busy core-seconds over wall seconds, for the summary. */
export function coresBusy(use: CpuUse | undefined, seconds: number): string {
  if (!use || seconds <= 0 || use.cores === 0) {
    return "–"
  }
  return `${(use.busySeconds / seconds).toFixed(1)} of ${use.cores}`
}
