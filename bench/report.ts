/** The Markdown report. */
import type { ConfigResult } from "./rounds"
import { CHECKOUT_MIN_ROUND_MS } from "./config"
import { pairedRatio, type Round, type RoundFigure } from "./stats"

export const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "–")
export const range = (m: { median: number; min: number; max: number }, d = 1) =>
  Number.isFinite(m.median) ? `${fmt(m.median, d)} (${fmt(m.min, d)}–${fmt(m.max, d)})` : "–"

type Measured = { rounds: Round[] }
/** a ÷ b from rounds of the same stretch of time, median with min–max (stats.pairedRatio). */
const ratio = (a: Measured, b: Measured, value: RoundFigure | ((round: Round) => number)) =>
  range(pairedRatio(a.rounds, b.rounds, value), 2)

export function markdown(results: ConfigResult[], meta: Record<string, unknown>, scenarios: string[]): string {
  const by = (name: string) => results.find((r) => r.name === name)
  const lines: string[] = []
  lines.push(`Run ${meta.date} on ${meta.host} (${meta.cpus} cores), commit ${meta.commit}, load average before ${meta.loadBefore}, after ${meta.loadAfter}.`)
  lines.push(
    `Catalog: ${meta.products} products, ${meta.variants} variants. ${meta.rounds} rounds × ${meta.durationS} s per scenario (checkouts ${Math.max(Number(meta.durationS), CHECKOUT_MIN_ROUND_MS / 1000)} s) after a ${meta.warmupS}-s warm-up; medians with min–max.`
  )
  lines.push("")
  lines.push(
    "| Scenario | Config | it/s | p50 ms | p95 ms | p99 ms | SQL/req | SQL/it | CPU ms/it | of it after the load | PostgreSQL CPU ms/it | KB/it | RSS MB | errors |"
  )
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
  for (const s of scenarios) {
    for (const r of results) {
      const x = r.scenarios[s]
      if (!x) {
        continue
      }
      lines.push(
        `| ${s} | ${r.name} | ${range(x.throughput)} | ${fmt(x.p50.median, 0)} | ${fmt(x.p95.median, 0)} | ${fmt(x.p99.median, 0)} | ${fmt(x.sqlPerRequest.median)} | ${fmt(x.sqlPerIteration.median, 0)} | ${fmt(x.cpuMsPerIteration.median)} | ${fmt(x.tailCpuMsPerIteration.median)} | ${fmt(x.dbCpuMsPerIteration.median)} | ${fmt(x.kbPerIteration.median)} | ${fmt(x.rssMb.median, 0)} | ${x.errors.max} |`
      )
    }
  }
  const soko = by("soko")
  const pairs: [string, ConfigResult | undefined][] = [
    ["no-hooks", by("no-hooks")],
    ["vanilla", by("vanilla")],
    ["vanilla-tuned", by("vanilla-tuned")],
    ...results.filter((r) => !["soko", "no-hooks", "vanilla", "vanilla-tuned"].includes(r.name)).map((r) => [r.name, r] as [string, ConfigResult]),
  ]
  if (soko) {
    lines.push("")
    lines.push(
      "Ratios (Soko ÷ other; throughput > 1 and p95 < 1 favour Soko): the median, with min–max, of round r's Soko ÷ round r's other, " +
        "rounds measured back to back; SQL is the difference of the medians."
    )
    lines.push("")
    lines.push("| Scenario | " + pairs.filter(([, r]) => r).map(([n]) => `it/s ÷ ${n} | p95 ÷ ${n} | CPU/it ÷ ${n} | SQL/it − ${n}`).join(" | ") + " |")
    lines.push("|---|" + pairs.filter(([, r]) => r).map(() => "---|---|---|---|").join(""))
    for (const s of scenarios) {
      const a = soko.scenarios[s]
      if (!a) {
        continue
      }
      const cells = pairs
        .filter(([, r]) => r)
        .map(([, r]) => {
          const b = r!.scenarios[s]
          if (!b) {
            return "– | – | – | –"
          }
          return `${ratio(a, b, "throughput")} | ${ratio(a, b, "p95")} | ${ratio(a, b, "cpuMsPerIteration")} | ${fmt(a.sqlPerIteration.median - b.sqlPerIteration.median, 1)}`
        })
      lines.push(`| ${s} | ${cells.join(" | ")} |`)
    }
    const mine = soko.scenarios["checkout-storefront"]
    for (const base of ["vanilla", "vanilla-tuned"]) {
      const starter = by(base)?.scenarios["checkout-starter"]
      if (mine && starter) {
        lines.push("")
        lines.push(
          `Soko's storefront checkout ÷ Medusa's starter checkout on ${base}: throughput ${ratio(mine, starter, "throughput")}, ` +
            `CPU per checkout ${ratio(mine, starter, "cpuMsPerIteration")} (with PostgreSQL's ` +
            `${ratio(mine, starter, (x) => x.cpuMsPerIteration + x.dbCpuMsPerIteration)}), ` +
            `p50 ${ratio(mine, starter, "p50")}, calls ${fmt(mine.requests.median / mine.iterations.median, 0)} vs ${fmt(starter.requests.median / starter.iterations.median, 0)}.`
        )
      }
    }
    const sys = soko.scenarios["checkout-system"]
    const mp = soko.scenarios["checkout-mpesa"]
    if (sys && mp) {
      lines.push("")
      lines.push(
        `M-Pesa checkout (until paid) ÷ system-provider checkout, Soko: p50 ${ratio(mp, sys, "p50")}, throughput ${ratio(mp, sys, "throughput")}.`
      )
    }
  }
  return lines.join("\n") + "\n"
}
