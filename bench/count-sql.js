/**
 * Preload for benchmarked servers: `node -r ./bench/count-sql.js` (the bench
 * harness puts it in NODE_OPTIONS, so cluster workers get it too).
 *
 * Counts every SQL statement sent through the pg driver (Client#query, on
 * every copy of `pg` that gets loaded: Medusa's knex and MikroORM's driver may
 * each bring their own) and answers, on a UNIX socket
 * `$BENCH_SIDE_DIR/<pid>.sock`, with this process's counters:
 * `{ pid, sql, cpuUserUs, cpuSystemUs, rss }`. The harness reads every socket
 * in the folder before and after a measured round. No route is added to the
 * application, so the three configurations serve exactly the same API.
 *
 * BENCH_SQL_LOG=<file> also appends every statement's text (first 300 chars)
 * to a file, for hunting N+1 patterns in one scenario.
 */
"use strict"

const Module = require("module")
const fs = require("fs")
const http = require("http")
const path = require("path")

const sideDir = process.env.BENCH_SIDE_DIR
const logFile = process.env.BENCH_SQL_LOG
let sql = 0
const patched = new WeakSet()
let logStream

function patchPg(pg) {
  const Client = pg && pg.Client
  if (!Client || patched.has(Client.prototype)) {
    return
  }
  patched.add(Client.prototype)
  const original = Client.prototype.query
  Client.prototype.query = function countedQuery(config, ...rest) {
    sql += 1
    if (logFile) {
      logStream ??= fs.createWriteStream(logFile, { flags: "a" })
      const text = typeof config === "string" ? config : config && config.text
      logStream.write(`${process.pid}\t${String(text).replace(/\s+/g, " ").slice(0, 300)}\n`)
    }
    return original.call(this, config, ...rest)
  }
}

const originalLoad = Module._load
Module._load = function loadAndPatch(request, parent, isMain) {
  const exported = originalLoad.call(this, request, parent, isMain)
  if (request === "pg") {
    patchPg(exported)
  }
  return exported
}

if (sideDir) {
  fs.mkdirSync(sideDir, { recursive: true })
  const socket = path.join(sideDir, `${process.pid}.sock`)
  try {
    fs.unlinkSync(socket)
  } catch {
    // not there: fine
  }
  const server = http.createServer((_req, res) => {
    const cpu = process.cpuUsage()
    res.setHeader("content-type", "application/json")
    res.end(
      JSON.stringify({
        pid: process.pid,
        sql,
        cpuUserUs: cpu.user,
        cpuSystemUs: cpu.system,
        rss: process.memoryUsage.rss(),
      })
    )
  })
  server.listen(socket)
  server.unref()
  process.on("exit", () => {
    try {
      fs.unlinkSync(socket)
    } catch {
      // already gone
    }
  })
}
