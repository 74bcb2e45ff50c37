/**
 * Skips rebuilding a workspace package whose sources have not changed since
 * its last successful build. `npm install` runs the postinstall build every
 * time, and README's first command is `npm install && npm run dev`: without
 * this every start rebuilt six packages (about a minute of CPU on two cores).
 *
 * Our own few lines rather than a build system (Turborepo, Nx): the builds
 * are `tsc` and `medusa plugin:build`, which keep no cache of their own, and
 * all that is needed is "same inputs as last time, output still there".
 *
 * The stamp lives in node_modules/.cache (the conventional place, never
 * packed or committed); the inputs are every file of the package but its
 * dependencies and build output, plus the lockfile and the shared tsconfig,
 * so a dependency upgrade rebuilds too.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/** Folders that are not the package's sources: dependencies, build output, caches. */
const NOT_SOURCES = new Set(["node_modules", ".medusa", "dist", ".cache", ".turbo", "coverage"])

function listFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        return NOT_SOURCES.has(entry.name) ? [] : listFiles(full, base)
      }
      return entry.isFile() ? [path.relative(base, full)] : []
    })
    .sort()
}

/** One hash over the package's source files (names and contents) and the shared inputs. */
export function sourceHash(packageDir: string, sharedInputs: string[]): string {
  const hash = crypto.createHash("sha256")
  for (const file of listFiles(packageDir)) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(packageDir, file))).update("\0")
  }
  for (const file of sharedInputs) {
    hash.update(`${path.basename(file)}\0`).update(fs.existsSync(file) ? fs.readFileSync(file) : "missing").update("\0")
  }
  return hash.digest("hex")
}

/**
 * What the output looks like: its file count and newest change. A build run
 * some other way since (`npm run build:plugins` on other sources, say), or an
 * output deleted or edited, no longer matches the stamp.
 */
function outputFingerprint(outputDir: string): string | undefined {
  if (!fs.existsSync(outputDir)) {
    return undefined
  }
  const files = listFiles(outputDir)
  const newest = Math.max(0, ...files.map((f) => fs.statSync(path.join(outputDir, f)).mtimeMs))
  return files.length ? `${files.length}:${newest}` : undefined
}

export type BuildCache = {
  /** True when the last build made here had these inputs and its output is as that build left it. */
  isFresh(packageName: string, hash: string, outputDir: string): boolean
  markBuilt(packageName: string, hash: string, outputDir: string): void
}

export function buildCache(cacheDir: string): BuildCache {
  const stampFile = (name: string) => path.join(cacheDir, `${name.replace(/[^\w.-]+/g, "_")}.json`)
  return {
    isFresh(name, hash, outputDir) {
      const stamp = stampFile(name)
      if (!fs.existsSync(stamp)) {
        return false
      }
      const last = JSON.parse(fs.readFileSync(stamp, "utf8")) as { hash?: string; output?: string }
      return last.hash === hash && last.output !== undefined && last.output === outputFingerprint(outputDir)
    },
    markBuilt(name, hash, outputDir) {
      fs.mkdirSync(cacheDir, { recursive: true })
      fs.writeFileSync(stampFile(name), JSON.stringify({ hash, output: outputFingerprint(outputDir) }))
    },
  }
}

/** Where a package's build goes: the first of its published `files` that is a folder it builds into. */
export function outputDirOf(packageDir: string, files: string[] | undefined): string | undefined {
  const built = (files ?? []).find((f) => f === "dist" || f.startsWith(".medusa"))
  return built ? path.join(packageDir, built) : undefined
}
