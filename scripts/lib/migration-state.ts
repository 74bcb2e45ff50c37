/**
 * Lets the launcher skip `medusa db:migrate` when nothing can be pending.
 *
 * Why not ask Medusa: its own answer (each module's migrator, the link
 * planner, the migration-script table) needs every module loaded, which is
 * what makes `db:migrate` take 15–20 s with nothing to do. Instead, after a
 * successful migrate the launcher records two fingerprints:
 *
 *   - inputs: what decides which migrations exist (the lockfile, so every
 *     installed package's version; the app's config; the migrations, links,
 *     migration scripts and search index definitions of the app and of each workspace plugin; the
 *     names of the variables that choose modules);
 *   - database: what Medusa itself recorded as applied (`mikro_orm_migrations`,
 *     `script_migrations`, `link_module_migrations`).
 *
 * The next start migrates unless both are unchanged, so a new dependency, an
 * edited plugin, another database, a rollback or a wiped data folder all run
 * the migrations as before. SOKO_MIGRATE=always runs them every time.
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"

/** Folders whose files define migrations, wherever they sit under a source tree (`search`: the Search Module's index definitions, which db:migrate builds). */
const MIGRATION_FOLDERS = new Set(["migrations", "links", "migration-scripts", "search"])

/** Variables that add or remove modules (their names only: values stay out of the record). */
const MODULE_CHOOSING_VARIABLES = /^(REDIS_URL|DATABASE_URL|S3_|STRIPE_|MPESA_|SENDGRID_|TWILIO_|SMTP_|SOKO_|OTEL_)/

function filesUnder(dir: string, inMigrationFolder = false): string[] {
  if (!fs.existsSync(dir)) {
    return []
  }
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name === "__tests__") {
      continue
    }
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      out.push(...filesUnder(full, inMigrationFolder || MIGRATION_FOLDERS.has(entry.name)))
    } else if (inMigrationFolder) {
      out.push(full)
    }
  }
  return out
}

/** The fingerprint of what decides which migrations exist, for the app at `root`. */
export function migrationInputs(root: string, env: NodeJS.ProcessEnv): string {
  const hash = createHash("sha256")
  const add = (file: string) => {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0")
    }
  }
  add(path.join(root, "package-lock.json"))
  add(path.join(root, "medusa-config.ts"))
  add(path.join(root, "medusa-config.js"))
  for (const file of fs.existsSync(path.join(root, "src", "config")) ? fs.readdirSync(path.join(root, "src", "config")).sort() : []) {
    add(path.join(root, "src", "config", file))
  }
  filesUnder(path.join(root, "src")).forEach(add)
  const plugins = path.join(root, "plugins")
  for (const plugin of fs.existsSync(plugins) ? fs.readdirSync(plugins).sort() : []) {
    add(path.join(plugins, plugin, "package.json"))
    filesUnder(path.join(plugins, plugin, "src")).forEach(add)
    filesUnder(path.join(plugins, plugin, ".medusa", "server", "src")).forEach(add)
  }
  const chosen = Object.keys(env)
    .filter((name) => MODULE_CHOOSING_VARIABLES.test(name) && env[name])
    .sort()
  hash.update(`env:${chosen.join(",")}`)
  return hash.digest("hex")
}

/** What Medusa recorded as applied in this database; undefined before the first migrate. */
export async function appliedMigrations(databaseUrl: string): Promise<string | undefined> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ state: string | null }>(`
      select md5(
        coalesce((select string_agg(name, ',' order by name) from mikro_orm_migrations), '') || '|' ||
        coalesce((select string_agg(script_name, ',' order by script_name) from script_migrations where finished_at is not null), '') || '|' ||
        coalesce((select string_agg(table_name || link_descriptor::text, ',' order by table_name) from link_module_migrations), '')
      ) as state`)
    return rows[0]?.state ?? undefined
  } catch (error) {
    // 42P01: a table is missing, so this database was never fully migrated.
    if ((error as { code?: string }).code === "42P01") {
      return undefined
    }
    throw error
  } finally {
    await client.end()
  }
}

export type MigrationRecord = { inputs: string; database: string }

/** One record per database, so switching DATABASE_URL never skips a needed migrate. */
export function recordFile(dataDir: string, databaseUrl: string): string {
  const url = new URL(databaseUrl)
  url.password = ""
  const key = createHash("sha256").update(url.toString()).digest("hex").slice(0, 16)
  return path.join(dataDir, "migrated", `${key}.json`)
}

export function readRecord(file: string): MigrationRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as MigrationRecord
  } catch {
    return undefined
  }
}

export function writeRecord(file: string, record: MigrationRecord) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(record, null, 2))
}

/** Whether a recorded migrate still covers the current inputs and database. */
export function isUpToDate(record: MigrationRecord | undefined, current: { inputs: string; database?: string }): boolean {
  return !!record && !!current.database && record.inputs === current.inputs && record.database === current.database
}
