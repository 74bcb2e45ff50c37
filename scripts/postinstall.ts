/**
 * Runs after `npm install`: makes the embedded PostgreSQL binaries usable
 * (npm 11 skips dependency install scripts unless allowed) and builds the
 * workspace packages, because the app loads the plugins' built output.
 */
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { buildCache, outputDirOf, sourceHash } from "./lib/build-cache"
import { log } from "./lib/log"
import { hydrateEmbeddedPostgres } from "./lib/hydrate-postgres"

const root = path.resolve(__dirname, "..")
const cache = buildCache(path.join(root, "node_modules", ".cache", "soko-build"))
// Changing these can change every package's build output.
const sharedInputs = [path.join(root, "package-lock.json"), path.join(root, "tsconfig.base.json")]

function workspaces(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    workspaces: string[]
  }
  // Packages first: plugins may depend on them (the simulator, say).
  return pkg.workspaces.flatMap((pattern) => {
    const base = path.join(root, pattern.replace(/\/\*$/, ""))
    return fs.existsSync(base)
      ? fs
          .readdirSync(base)
          .map((name) => path.join(base, name))
          .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
      : []
  })
}

function build(dir: string) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    name: string
    scripts?: Record<string, string>
    files?: string[]
  }
  if (!pkg.scripts?.build) {
    return
  }
  const hash = sourceHash(dir, sharedInputs)
  const outputDir = outputDirOf(dir, pkg.files)
  if (outputDir && !process.env.SOKO_FORCE_BUILD && cache.isFresh(pkg.name, hash, outputDir)) {
    log.ok(`${pkg.name} is up to date (sources unchanged since its last build; SOKO_FORCE_BUILD=1 rebuilds)`)
    return
  }
  const started = Date.now()
  const result = spawnSync("npm", ["run", "build", "--silent"], {
    cwd: dir,
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
    encoding: "utf8",
  })
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "")
    process.stderr.write(result.stderr ?? "")
    throw new Error(`Building ${pkg.name} failed (see output above)`)
  }
  if (outputDir) {
    cache.markBuilt(pkg.name, hash, outputDir)
  }
  log.ok(`built ${pkg.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

/**
 * The storefront is its own npm project (React 19 and Next.js, while the
 * admin uses React 18), so the root install installs it here: one
 * `npm install` at the root installs everything.
 */
function installStorefront() {
  const dir = path.join(root, "storefront")
  if (!fs.existsSync(path.join(dir, "package.json")) || process.env.SOKO_SKIP_STOREFRONT_INSTALL) {
    return
  }
  const started = Date.now()
  // `npm install` rather than `npm ci`: a second root install is then quick.
  const args = ["install", "--no-audit", "--no-fund"]
  log.step("installing the storefront's dependencies (npm install in storefront/)…")
  const result = spawnSync("npm", args, { cwd: dir, env: process.env, encoding: "utf8" })
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "")
    process.stderr.write(result.stderr ?? "")
    throw new Error("Installing the storefront's dependencies failed (see output above)")
  }
  log.ok(`installed the storefront's dependencies (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

function main() {
  hydrateEmbeddedPostgres(root)
  for (const dir of workspaces()) {
    build(dir)
  }
  installStorefront()
}

try {
  main()
} catch (error) {
  log.error((error as Error).message)
  process.exit(1)
}
