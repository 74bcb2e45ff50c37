/**
 * One migrated database for all HTTP spec files. Medusa's test runner creates
 * a database per spec file and runs every module's migrations and link sync
 * into it (about 20 s of PostgreSQL work each, 23 times). The HTTP project's
 * global setup migrates one template with the app's own `medusa db:migrate`
 * instead, and each spec file's database starts as a copy of it; the runner's
 * migration step then finds nothing to do. It still runs, so a spec whose
 * config adds a module gets that module's tables as before.
 */
import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { Client } from "pg"
import { isAlive } from "../../scripts/lib/pids"

const root = path.resolve(__dirname, "..", "..")
const PREFIX = "soko_app_template_"
export const TEMPLATE_ENV = "SOKO_APP_TEMPLATE_DB"

function connection(database = "postgres") {
  return {
    host: process.env.DB_HOST ?? "localhost",
    port: Number(process.env.DB_PORT ?? 5432),
    user: process.env.DB_USERNAME ?? "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database,
  }
}

function databaseUrl(database: string) {
  const { host, port, user, password } = connection()
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  return `postgres://${auth}@${host}:${port}/${database}`
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(connection())
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Drops templates left by runs that were killed before their teardown. */
async function dropStaleTemplates(client: Client) {
  const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}%`])
  for (const { datname } of rows) {
    if (!isAlive(Number(datname.slice(PREFIX.length)))) {
      await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`)
    }
  }
}

export async function createAppTemplate(): Promise<void> {
  const name = `${PREFIX}${process.pid}`
  const started = Date.now()
  process.stderr.write(`\n  [http] migrating one template database for every spec file (${name})…\n`)
  await withAdmin(async (client) => {
    await dropStaleTemplates(client)
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${quote(name)}`)
  })
  // Migration scripts seed data the specs do not expect; the test runner does not run them either.
  await promisify(execFile)(path.join(root, "node_modules", ".bin", "medusa"), ["db:migrate", "--skip-scripts", "--execute-safe-links"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl(name), NODE_ENV: "test" },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`medusa db:migrate into the template database failed:\n${error.stderr || error.stdout || error.message}`)
  })
  process.env[TEMPLATE_ENV] = name
  process.stderr.write(`  [http] template ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

export async function dropAppTemplate(): Promise<void> {
  const name = process.env[TEMPLATE_ENV]
  if (name) {
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))
  }
}

/** Creates `dbName` as a copy of the template; without a template (no global setup) the runner migrates as usual. */
export async function cloneAppTemplate(dbName: string): Promise<void> {
  const template = process.env[TEMPLATE_ENV]
  if (!template) {
    return
  }
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(dbName)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${quote(dbName)} TEMPLATE ${quote(template)}`)
  })
}
