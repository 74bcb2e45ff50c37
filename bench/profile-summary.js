#!/usr/bin/env node
/**
 * Summarises V8 CPU profiles: self time by package and the top functions.
 * Profiles of the measured rounds only come from
 * `npm run bench -- --profile 'prof={"BENCH_CPU_PROFILE_DIR":"/tmp/prof"}'`
 * (bench/count-sql.js); `BENCH_NODE_OPTIONS=--cpu-prof` records a server's
 * whole life, start-up included.
 *
 *   node bench/profile-summary.js [--top 25] [--per N] /tmp/prof/*.cpuprofile
 *
 * --per N divides the busy time by N (e.g. the checkouts the rounds made) for a per-iteration figure.
 */
"use strict"

const fs = require("fs")

function pkgOf(url) {
  if (!url) {
    return "(native/gc/idle)"
  }
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)
  if (m) {
    return m[m.length - 1].replace("node_modules/", "")
  }
  if (url.startsWith("node:")) {
    return "node core"
  }
  return url.includes("/plugins/") ? "soko plugins" : "app"
}

const byPkg = new Map()
const byFn = new Map()
let total = 0
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback
}
const top = option("top", 25)
const per = option("per", 0)
for (const file of args) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8"))
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]))
  const dt = prof.timeDeltas
  for (let i = 0; i < prof.samples.length; i++) {
    const node = nodes.get(prof.samples[i])
    const us = dt[i] ?? 0
    const cf = node.callFrame
    if (cf.functionName === "(idle)" || cf.functionName === "(program)") {
      continue
    }
    total += us
    const pkg = pkgOf(cf.url)
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us)
    const fn = `${cf.functionName || "(anonymous)"} ${pkg}${cf.url ? ":" + cf.url.split("/").slice(-1)[0] + ":" + cf.lineNumber : ""}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + us)
  }
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`
console.log(`busy CPU in profiles: ${(total / 1000).toFixed(0)} ms${per ? `, ${(total / 1000 / per).toFixed(0)} ms per iteration (${per})` : ""}`)
console.log("\nself time by package:")
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${pct(v)}  ${k}`)
}
console.log("\ntop functions (self time):")
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(v)}  ${k}`)
}
