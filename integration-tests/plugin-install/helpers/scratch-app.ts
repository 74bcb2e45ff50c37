/**
 * A throw-away Medusa 2.21.2 application in a temp folder, with one Soko
 * plugin installed from its packed tarball.
 *
 * - Its own package.json, tsconfig.json and medusa-config.ts (the plugin
 *   README's registration, verbatim) are written here; nothing of the Soko
 *   app is used.
 * - node_modules/ is made of symlinks to the entries of the repository's
 *   installed node_modules (so Medusa is not downloaded again), except the
 *   `@soko` scope: that folder is real and holds only the plugin under test,
 *   extracted from its tarball as `npm install <tgz>` would.
 * - Every process runs with `--preserve-symlinks` (so a package required
 *   through scratch/node_modules/x resolves its own imports from the scratch
 *   app, as it would in a real install, not from the repository, where
 *   node_modules/@soko links to the workspace plugins) and with
 *   helpers/resolve-guard.js preloaded, which records any module resolved
 *   from the Soko workspace (plugins/*, packages/*).
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { assertPortFree, waitForHttp } from "../../../scripts/lib/ports"
import { runStep, startProcess, type Child } from "../../../scripts/lib/processes"
import { scratchPackageJson, STARTER_TSCONFIG } from "./scratch-project"

export const ROOT = path.resolve(__dirname, "..", "..", "..")
const GUARD = path.join(__dirname, "resolve-guard.js")

export const ADMIN = { email: "admin@install.test", password: "install-test-password" }

/** Progress on the terminal while jest runs (console.log would be buffered until the file ends). */
export function progress(line: string) {
  process.stderr.write(`  [plugin-install] ${line}\n`)
}

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now()
  progress(`${label}…`)
  const result = await fn()
  progress(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

/** Extracts the first ```ts block that follows `<!-- install-test:medusa-config -->` in a README. */
export function readmeMedusaConfig(readme: string): string {
  const marker = "<!-- install-test:medusa-config -->"
  const at = readme.indexOf(marker)
  if (at < 0) {
    throw new Error(`README has no "${marker}" before its medusa-config.ts example`)
  }
  const block = readme.slice(at).match(/```ts\n([\s\S]*?)```/)
  if (!block) {
    throw new Error(`README has no \`\`\`ts block after "${marker}"`)
  }
  return block[1]
}

function dbEnv() {
  return {
    // Medusa turns SSL on for database hosts other than "localhost"; a loopback server has none.
    host: !process.env.DB_HOST || ["127.0.0.1", "::1"].includes(process.env.DB_HOST) ? "localhost" : process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

async function adminQuery(sql: string) {
  const client = new Client({ ...dbEnv(), database: process.env.DB_WAITINGROOM_DATABASE || "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export type ScratchAppOptions = {
  /** plugins/<dir> */
  dir: string
  /** npm package name of the plugin */
  packageName: string
  tarball: string
  port: number
  /** variables the README's medusa-config.ts reads */
  env?: Record<string, string>
}

export class ScratchApp {
  readonly root: string
  readonly serverDir: string
  readonly dbName: string
  readonly url: string
  readonly pluginDir: string
  readonly violationsLog: string
  readonly loadedLog: string
  private server?: Child
  private readonly logs: string

  constructor(private readonly options: ScratchAppOptions) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), `soko-install-${options.dir}-`))
    this.serverDir = path.join(this.root, ".medusa", "server")
    this.logs = path.join(this.root, "logs")
    fs.mkdirSync(this.logs)
    this.dbName = `soko_install_${options.dir.replace(/\W/g, "_")}_${process.pid}`
    this.url = `http://localhost:${options.port}`
    this.pluginDir = path.join(this.root, "node_modules", ...options.packageName.split("/"))
    this.violationsLog = path.join(this.logs, "workspace-resolutions.log")
    this.loadedLog = path.join(this.logs, "plugin-files-loaded.log")
  }

  get databaseUrl() {
    const { host, port, user, password } = dbEnv()
    const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
    return `postgres://${auth}@${host}:${port}/${this.dbName}`
  }

  /** Writes the app, links node_modules, extracts the tarball, creates the database. */
  async create(medusaConfig: string) {
    const { packageName, tarball } = this.options
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>
    }
    const pluginVersion = (await this.tarballManifest()).version
    const project = scratchPackageJson({ dir: this.options.dir, rootDependencies: pkg.dependencies, packageName, pluginVersion })
    fs.writeFileSync(path.join(this.root, "package.json"), JSON.stringify(project, null, 2))
    fs.writeFileSync(path.join(this.root, "tsconfig.json"), JSON.stringify(STARTER_TSCONFIG, null, 2))
    fs.writeFileSync(path.join(this.root, "medusa-config.ts"), medusaConfig)

    // node_modules: the repository's installed packages, by symlink, minus every Soko package.
    const modules = path.join(this.root, "node_modules")
    fs.mkdirSync(modules)
    const rootModules = path.join(ROOT, "node_modules")
    for (const entry of fs.readdirSync(rootModules)) {
      if (entry === "@soko" || entry.startsWith(".")) {
        continue
      }
      fs.symlinkSync(path.join(rootModules, entry), path.join(modules, entry))
    }
    fs.mkdirSync(this.pluginDir, { recursive: true })
    await this.exec("tar", ["-xzf", tarball, "-C", this.pluginDir, "--strip-components=1"], "extract")

    await adminQuery(`DROP DATABASE IF EXISTS "${this.dbName}"`)
    await adminQuery(`CREATE DATABASE "${this.dbName}"`)
  }

  async tarballManifest(): Promise<Record<string, any>> {
    const out = await this.exec("tar", ["-xzOf", this.options.tarball, "package/package.json"], "read-manifest")
    return JSON.parse(out)
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const inherited: NodeJS.ProcessEnv = {}
    for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "TERM"]) {
      if (process.env[key] !== undefined) {
        inherited[key] = process.env[key]
      }
    }
    return {
      ...inherited,
      NODE_ENV: "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.SOKO_INSTALL_LOG_LEVEL || "warn",
      DATABASE_URL: this.databaseUrl,
      STORE_CORS: "http://localhost:8000",
      ADMIN_CORS: this.url,
      AUTH_CORS: `${this.url},http://localhost:8000`,
      JWT_SECRET: "install-test-jwt-secret",
      COOKIE_SECRET: "install-test-cookie-secret",
      MEDUSA_BACKEND_URL: this.url,
      NODE_OPTIONS: `--preserve-symlinks --preserve-symlinks-main --require ${GUARD}`,
      SOKO_INSTALL_GUARD_FORBIDDEN: [path.join(ROOT, "plugins") + path.sep, path.join(ROOT, "packages") + path.sep].join(
        path.delimiter
      ),
      // The plugin as the app in the root sees it, and as the production server in .medusa/server
      // sees it through its node_modules link (--preserve-symlinks keeps that path).
      SOKO_INSTALL_GUARD_EXPECTED: [
        this.pluginDir + path.sep,
        path.join(this.serverDir, "node_modules", ...this.options.packageName.split("/")) + path.sep,
      ].join(path.delimiter),
      SOKO_INSTALL_GUARD_VIOLATIONS: this.violationsLog,
      SOKO_INSTALL_GUARD_LOADED: this.loadedLog,
      ...this.options.env,
      ...extra,
    }
  }

  /**
   * Runs a command to completion (scripts/lib/processes' runStep): its output goes to
   * logs/<label>.log and is returned; a failure or a step still running after `timeoutMs`
   * (stopped, with everything it started) is reported with the log's tail.
   */
  async exec(command: string, args: string[], label: string, cwd = this.root, timeoutMs = 8 * 60_000): Promise<string> {
    const logFile = path.join(this.logs, `${label}.log`)
    await runStep(command, args, { cwd, env: this.env(), logFile, timeoutMs })
    return fs.readFileSync(logFile, "utf8")
  }

  /** The Medusa CLI as the app's own node_modules/.bin/medusa would run it. */
  get medusaCli() {
    return path.join(this.root, "node_modules", "@medusajs", "cli", "cli.js")
  }

  medusa(args: string[], label: string, cwd = this.root) {
    return this.exec(process.execPath, [this.medusaCli, ...args], label, cwd)
  }

  migrate() {
    return timed(`${this.options.dir}: medusa db:migrate`, () => this.medusa(["db:migrate"], "db-migrate"))
  }

  createAdminUser() {
    return timed(`${this.options.dir}: medusa user`, () =>
      this.medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], "user")
    )
  }

  /** `medusa build`: the app and its admin (with the plugin's extensions) into .medusa/server. */
  async build() {
    await timed(`${this.options.dir}: medusa build`, () => this.medusa(["build"], "build"))
    // The production server runs from .medusa/server with the app's node_modules.
    fs.symlinkSync(path.join(this.root, "node_modules"), path.join(this.serverDir, "node_modules"))
  }

  /** Text of every file of the built admin (index.html and its assets). */
  builtAdminText(): string {
    const dir = path.join(this.serverDir, "public", "admin")
    let text = ""
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) {
          walk(p)
        } else if (/\.(m?js|html)$/.test(e.name)) {
          text += fs.readFileSync(p, "utf8")
        }
      }
    }
    walk(dir)
    return text
  }

  /** `medusa start` from the build, until /health answers. */
  async start() {
    // A server already on the port would answer /health for us: refuse to start instead.
    await assertPortFree(this.options.port, "the install tests' server; they use 9601-9603 and 9610")
    await timed(`${this.options.dir}: medusa start`, async () => {
      this.server = startProcess("medusa start", process.execPath, [this.medusaCli, "start", "--port", String(this.options.port)], {
        cwd: this.serverDir,
        env: this.env({ PORT: String(this.options.port) }),
        logFile: path.join(this.logs, "server.log"),
      })
      await waitForHttp(`${this.url}/health`, { timeoutMs: 300_000, child: this.server })
    })
  }

  serverLogTail() {
    return this.tail(path.join(this.logs, "server.log"))
  }

  private tail(file: string, lines = 40) {
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n") : "(no log)"
  }

  workspaceResolutions(): string[] {
    return fs.existsSync(this.violationsLog) ? fs.readFileSync(this.violationsLog, "utf8").trim().split("\n").filter(Boolean) : []
  }

  pluginFilesLoaded(): string[] {
    return fs.existsSync(this.loadedLog) ? fs.readFileSync(this.loadedLog, "utf8").trim().split("\n").filter(Boolean) : []
  }

  async stop() {
    const server = this.server
    this.server = undefined
    await server?.stop()
  }

  /** Stops the server, drops the database and removes the folder (kept with SOKO_INSTALL_KEEP=1). */
  async dispose() {
    await this.stop()
    if (process.env.SOKO_INSTALL_KEEP === "1") {
      progress(`kept ${this.root} and database ${this.dbName} (SOKO_INSTALL_KEEP=1)`)
      return
    }
    try {
      await adminQuery(`DROP DATABASE IF EXISTS "${this.dbName}" WITH (FORCE)`)
    } catch (error) {
      progress(`could not drop ${this.dbName}: ${(error as Error).message}`)
    }
    fs.rmSync(this.root, { recursive: true, force: true })
  }
}
