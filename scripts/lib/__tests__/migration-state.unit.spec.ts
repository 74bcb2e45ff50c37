import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { appliedMigrations, isUpToDate, migrationInputs, recordFile } from "../migration-state"

function write(root: string, file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  fs.writeFileSync(path.join(root, file), text)
}

describe("migrationInputs", () => {
  let root: string
  let before: string

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "soko-migration-inputs-"))
    write(root, "package-lock.json", '{"lockfileVersion":3}')
    write(root, "medusa-config.ts", "export default {}")
    write(root, "src/config/modules.ts", "export const modules = []")
    write(root, "src/config/__tests__/modules.unit.spec.ts", "a folder among the config files")
    write(root, "src/api/store/route.ts", "export const GET = 1")
    write(root, "plugins/mpesa/package.json", '{"version":"1.0.0"}')
    write(root, "plugins/mpesa/src/modules/mpesa/migrations/Migration1.ts", "up 1")
    write(root, "plugins/mpesa/src/modules/mpesa/service.ts", "service")
    write(root, "plugins/mpesa/.medusa/server/src/modules/mpesa/migrations/Migration1.js", "up 1")
    before = migrationInputs(root, {})
  })

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it.each([
    ["a dependency changes (lockfile)", () => write(root, "package-lock.json", '{"lockfileVersion":3,"x":1}')],
    ["the app's config changes", () => write(root, "medusa-config.ts", "export default { modules: [1] }")],
    ["a config module changes", () => write(root, "src/config/modules.ts", "export const modules = [1]")],
    ["a plugin gains a migration", () => write(root, "plugins/mpesa/src/modules/mpesa/migrations/Migration2.ts", "up 2")],
    ["a built migration changes", () => write(root, "plugins/mpesa/.medusa/server/src/modules/mpesa/migrations/Migration1.js", "up 1b")],
    ["a plugin's version changes", () => write(root, "plugins/mpesa/package.json", '{"version":"1.1.0"}')],
    ["the app gains a link", () => write(root, "src/links/order-thing.ts", "defineLink()")],
    ["a search index definition changes", () => write(root, "src/search/product.ts", "defineSearchIndex({ fields: 2 })")],
    ["the app gains a migration script", () => write(root, "src/migration-scripts/backfill.ts", "run")],
  ])("changes when %s", (_, change) => {
    change()
    expect(migrationInputs(root, {})).not.toBe(before)
  })

  it.each([
    ["a route changes", () => write(root, "src/api/store/route.ts", "export const GET = 2")],
    ["a plugin's service changes", () => write(root, "plugins/mpesa/src/modules/mpesa/service.ts", "service 2")],
    ["a test under a migrations folder's sibling changes", () => write(root, "plugins/mpesa/src/modules/mpesa/__tests__/a.ts", "t")],
  ])("stays the same when %s", (_, change) => {
    change()
    expect(migrationInputs(root, {})).toBe(before)
  })

  it("changes when a variable that chooses modules is set, and never records its value", () => {
    const withRedis = migrationInputs(root, { REDIS_URL: "redis://secret@host" })
    expect(withRedis).not.toBe(before)
    expect(migrationInputs(root, { REDIS_URL: "redis://other@host" })).toBe(withRedis)
    expect(migrationInputs(root, { HOME: "/root", PATH: "/bin" })).toBe(before)
  })
})

describe("isUpToDate", () => {
  const record = { inputs: "i1", database: "d1" }
  it.each([
    ["nothing recorded", undefined, { inputs: "i1", database: "d1" }, false],
    ["the same inputs and database", record, { inputs: "i1", database: "d1" }, true],
    ["new inputs", record, { inputs: "i2", database: "d1" }, false],
    ["the database changed (rollback, other data folder)", record, { inputs: "i1", database: "d2" }, false],
    ["a database never migrated", record, { inputs: "i1", database: undefined }, false],
  ] as const)("%s → %p", (_, rec, current, expected) => {
    expect(isUpToDate(rec, current)).toBe(expected)
  })
})

describe("recordFile", () => {
  it("keeps one record per database, whatever its password", () => {
    const a = recordFile("/d", "postgres://u:one@localhost:5432/shop")
    expect(recordFile("/d", "postgres://u:two@localhost:5432/shop")).toBe(a)
    expect(recordFile("/d", "postgres://u:one@localhost:5432/other")).not.toBe(a)
    expect(a).not.toContain("one")
  })
})

const dbHost = process.env.DB_HOST
const describeWithPostgres = dbHost ? describe : describe.skip

describeWithPostgres("appliedMigrations (PostgreSQL)", () => {
  const name = `soko_migration_state_${process.pid}`
  const admin = `postgres://${process.env.DB_USERNAME || "postgres"}:${process.env.DB_PASSWORD || ""}@${dbHost}:${process.env.DB_PORT || 5432}`
  const url = `${admin}/${name}`
  const sql = async (databaseUrl: string, text: string) => {
    const client = new Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }

  beforeAll(() => sql(`${admin}/postgres`, `create database ${name}`))
  afterAll(() => sql(`${admin}/postgres`, `drop database if exists ${name}`))

  it("is undefined before Medusa's tables exist, then follows what is applied", async () => {
    expect(await appliedMigrations(url)).toBeUndefined()
    // The three tables as Medusa 2.21 creates them (columns this reads).
    await sql(url, `
      create table mikro_orm_migrations (id serial primary key, name varchar(255), executed_at timestamptz default now());
      create table script_migrations (id serial primary key, script_name varchar(255) not null unique, created_at timestamptz default now(), finished_at timestamptz);
      create table link_module_migrations (id serial primary key, table_name varchar(255) not null unique, link_descriptor jsonb not null default '{}');
      insert into mikro_orm_migrations (name) values ('Migration1');`)
    const first = await appliedMigrations(url)
    expect(first).toMatch(/^[0-9a-f]{32}$/)
    expect(await appliedMigrations(url)).toBe(first)
    await sql(url, `insert into link_module_migrations (table_name, link_descriptor) values ('order_thing', '{"a":1}')`)
    const withLink = await appliedMigrations(url)
    expect(withLink).not.toBe(first)
    // A script that started but never finished is not applied.
    await sql(url, `insert into script_migrations (script_name) values ('backfill')`)
    expect(await appliedMigrations(url)).toBe(withLink)
    await sql(url, `update script_migrations set finished_at = now()`)
    expect(await appliedMigrations(url)).not.toBe(withLink)
    await sql(url, `delete from mikro_orm_migrations where name = 'Migration1'`)
    expect(await appliedMigrations(url)).not.toBe(withLink)
  })
})
