/** Per-round figures and their medians. */
export const q = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN
export const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) {
    return NaN
  }
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export type Round = {
  throughput: number
  p50: number
  p95: number
  p99: number
  sqlPerRequest: number
  sqlPerIteration: number
  cpuMsPerIteration: number
  /** PostgreSQL's CPU per iteration (bench/db-cpu.ts; NaN where /proc cannot be read). */
  dbCpuMsPerIteration: number
  kbPerIteration: number
  rssMb: number
  iterations: number
  requests: number
  errors: number
  firstError?: string
}

export type Summary = Record<keyof Omit<Round, "firstError">, { median: number; min: number; max: number }> & {
  firstError?: string
}

export function summarize(rounds: Round[]): Summary {
  const keys: (keyof Omit<Round, "firstError">)[] = [
    "throughput",
    "p50",
    "p95",
    "p99",
    "sqlPerRequest",
    "sqlPerIteration",
    "cpuMsPerIteration",
    "dbCpuMsPerIteration",
    "kbPerIteration",
    "rssMb",
    "iterations",
    "requests",
    "errors",
  ]
  const out = {} as Summary
  for (const k of keys) {
    const xs = rounds.map((r) => r[k])
    out[k] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }
  }
  out.firstError = rounds.find((r) => r.firstError)?.firstError
  return out
}
