#!/usr/bin/env node
/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from
 * `npm run bench -- --profile 'prof={"BENCH_NODE_OPTIONS":"--cpu-prof --cpu-prof-dir=/tmp/prof"}'`):
 * self time by package and the top functions.
 *
 *   node bench/profile-summary.js /tmp/prof/*.cpuprofile
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
for (const file of process.argv.slice(2)) {
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
console.log(`busy CPU in profiles: ${(total / 1000).toFixed(0)} ms`)
console.log("\nself time by package:")
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${pct(v)}  ${k}`)
}
console.log("\ntop functions (self time):")
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${pct(v)}  ${k}`)
}
