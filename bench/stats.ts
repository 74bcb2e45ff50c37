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
  /** The part of cpuMsPerIteration spent after the load stopped, while the server settled (bench/settle.ts). */
  tailCpuMsPerIteration: number
  /** How long the server stayed busy after the load stopped. */
  tailMs: number
  /** 1 when the server was still busy at the settle's limit. */
  unsettled: number
  kbPerIteration: number
  rssMb: number
  iterations: number
  requests: number
  errors: number
  firstError?: string
}

export type RoundFigure = keyof Omit<Round, "firstError">

export type Summary = Record<RoundFigure, { median: number; min: number; max: number }> & {
  firstError?: string
}

/** Median with min–max, the shape of every figure and ratio in the report. */
export function spread(xs: number[]) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }
}

export function summarize(rounds: Round[]): Summary {
  const keys: RoundFigure[] = [
    "throughput",
    "p50",
    "p95",
    "p99",
    "sqlPerRequest",
    "sqlPerIteration",
    "cpuMsPerIteration",
    "dbCpuMsPerIteration",
    "tailCpuMsPerIteration",
    "tailMs",
    "unsettled",
    "kbPerIteration",
    "rssMb",
    "iterations",
    "requests",
    "errors",
  ]
  const out = {} as Summary
  for (const k of keys) {
    out[k] = spread(rounds.map((r) => r[k]))
  }
  out.firstError = rounds.find((r) => r.firstError)?.firstError
  return out
}

/** Round r's order of the configurations: the list rotated by r, so no configuration always follows the same one. */
export function roundOrder<T>(active: T[], r: number): T[] {
  if (!active.length) {
    return []
  }
  const k = r % active.length
  return [...active.slice(k), ...active.slice(0, k)]
}

/**
 * A ratio between two configurations from rounds measured in the same stretch of time: the
 * median (min–max) of round r's a ÷ round r's b. On a shared 2-core machine the load moves
 * from minute to minute; a ratio of each side's median mixes rounds minutes apart, the
 * per-round ratio does not.
 */
export function pairedRatio(a: Round[], b: Round[], value: RoundFigure | ((round: Round) => number)) {
  const of = typeof value === "function" ? value : (round: Round) => round[value]
  const ratios = a
    .slice(0, Math.min(a.length, b.length))
    .map((x, r) => of(x) / of(b[r]))
    .filter((x) => Number.isFinite(x))
  return ratios.length ? spread(ratios) : { median: NaN, min: NaN, max: NaN }
}

/**
 * The scenarios in the order they are measured, each group (Scenario.group) gathered at its
 * first member's place; a scenario without a group is a group of its own.
 */
export function scenarioGroups(names: string[], groupOf: (name: string) => string | undefined): string[][] {
  const groups: string[][] = []
  const byKey = new Map<string, string[]>()
  for (const name of names) {
    const key = groupOf(name)
    const known = key === undefined ? undefined : byKey.get(key)
    if (known) {
      known.push(name)
      continue
    }
    const group = [name]
    groups.push(group)
    if (key !== undefined) {
      byKey.set(key, group)
    }
  }
  return groups
}
