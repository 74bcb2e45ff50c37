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
 *
 * BENCH_CPU_PROFILE_DIR=<dir> lets the harness record a V8 CPU profile of the
 * measured rounds only (`/profile/start`, `/profile/stop` on the same socket,
 * written as `<dir>/<pid>-<n>.cpuprofile`): `node --cpu-prof` would also
 * record start-up and warm-up, which swamp 50 checkouts.
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

const profileDir = process.env.BENCH_CPU_PROFILE_DIR
let session
let profiles = 0

function profileCommand(command, res) {
  const done = (error) => {
    res.statusCode = error ? 500 : 200
    res.end(error ? String(error.message ?? error) : "ok")
  }
  if (!profileDir) {
    done(new Error("BENCH_CPU_PROFILE_DIR is not set"))
  } else if (command === "start") {
    const inspector = require("inspector")
    session = new inspector.Session()
    session.connect()
    session.post("Profiler.enable", () => session.post("Profiler.start", done))
  } else if (command === "stop" && session) {
    session.post("Profiler.stop", (error, result) => {
      if (!error) {
        fs.mkdirSync(profileDir, { recursive: true })
        profiles += 1
        fs.writeFileSync(path.join(profileDir, `${process.pid}-${profiles}.cpuprofile`), JSON.stringify(result.profile))
      }
      session.disconnect()
      session = undefined
      done(error)
    })
  } else {
    done(new Error(`unknown profile command ${command}`))
  }
}

if (sideDir) {
  fs.mkdirSync(sideDir, { recursive: true })
  const socket = path.join(sideDir, `${process.pid}.sock`)
  try {
    fs.unlinkSync(socket)
  } catch {
    // not there: fine
  }
  const server = http.createServer((req, res) => {
    if (req.url.startsWith("/profile/")) {
      profileCommand(req.url.slice("/profile/".length), res)
      return
    }
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
