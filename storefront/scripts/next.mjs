#!/usr/bin/env node
/**
 * Runs `next dev` / `next start` / `next build` with the conventions of Soko's
 * launcher: the port comes from PORT (default 8000), telemetry is off (no
 * requests to third-party hosts), and the publishable key falls back to the one
 * the launcher wrote for the backend's port, so `npm run dev` here works on its
 * own next to a running `npm run dev` at the root.
 *
 * SOKO_STOREFRONT_MODE=production turns `dev` into build-if-needed + start,
 * which is what the browser tests and Lighthouse runs use.
 */
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const storefront = path.resolve(here, "..")
const nextBin = path.join(storefront, "node_modules", "next", "dist", "bin", "next")

const command = process.argv[2] ?? "dev"
const port = process.env.PORT || "8000"
// NEXT_IGNORE_INCORRECT_LOCKFILE: next dev would otherwise ask the npm registry to "patch" the lockfile.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_IGNORE_INCORRECT_LOCKFILE: "1" }

// Read per request by src/lib/util/client-address.ts; checked here so a typo stops the start, not a checkout.
const hops = env.SOKO_STOREFRONT_TRUSTED_PROXIES?.trim()
if (hops && (!/^\d+$/.test(hops) || Number(hops) > 10)) {
  console.error(`[storefront] SOKO_STOREFRONT_TRUSTED_PROXIES: must be a whole number from 0 to 10 (got "${hops}")`)
  process.exit(1)
}

const backend = env.MEDUSA_BACKEND_URL || env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"
env.MEDUSA_BACKEND_URL ??= backend
env.NEXT_PUBLIC_MEDUSA_BACKEND_URL ??= backend

if (!env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY && (command === "dev" || command === "start")) {
  const key = keyFromLauncher(backend)
  if (key) {
    env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY = key
    console.log(`[storefront] using the publishable key the launcher wrote for ${backend}`)
  } else {
    console.warn(
      "[storefront] NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY is not set: the shop cannot read the catalog. " +
        "Start the backend with `npm run dev` at the repository root, or set the key."
    )
  }
}

function keyFromLauncher(backendUrl) {
  try {
    const backendPort = new URL(backendUrl).port || "9000"
    const file = path.resolve(storefront, "..", ".data", "run", backendPort, "prepare.json")
    return JSON.parse(fs.readFileSync(file, "utf8")).publishableKey
  } catch {
    return undefined
  }
}

function run(args) {
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: storefront, env, stdio: "inherit" })
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => child.kill(signal))
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const distDir = env.SOKO_NEXT_DIST_DIR || ".next"
if (distDir !== ".next") {
  // The scratch tsconfig next.config.ts points Next at for this build folder (git-ignored).
  const scratch = path.join(storefront, `tsconfig.next-${distDir.replace(/^\.next-?/, "") || "alt"}.json`)
  if (!fs.existsSync(scratch)) {
    fs.writeFileSync(scratch, JSON.stringify({ extends: "./tsconfig.json" }, null, 2) + "\n")
  }
}

/** The production build exists and is newer than every source file. */
function buildIsCurrent() {
  const buildId = path.join(storefront, distDir, "BUILD_ID")
  if (!fs.existsSync(buildId)) {
    return false
  }
  const built = fs.statSync(buildId).mtimeMs
  const newest = (entry) => {
    const stat = fs.statSync(entry)
    if (!stat.isDirectory()) {
      return stat.mtimeMs
    }
    return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))))
  }
  const sources = ["src", "public", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json"]
    .map((p) => path.join(storefront, p))
    .filter((p) => fs.existsSync(p))
  return sources.every((p) => newest(p) <= built)
}

switch (command) {
  case "dev":
    if (env.SOKO_STOREFRONT_MODE === "production") {
      if (!buildIsCurrent()) {
        const built = spawnSync(process.execPath, [nextBin, "build"], { cwd: storefront, env, stdio: "inherit" })
        if (built.status !== 0) {
          process.exit(built.status ?? 1)
        }
      }
      run(["start", "-p", port])
    } else {
      run(["dev", "--turbopack", "-p", port])
    }
    break
  case "start":
    run(["start", "-p", port])
    break
  case "build":
    run(["build"])
    break
  case "build-if-stale":
    if (buildIsCurrent()) {
      console.log(`[storefront] the build in ${distDir} is current`)
      process.exit(0)
    }
    run(["build"])
    break
  case "typegen":
    run(["typegen"])
    break
  default:
    console.error(`Unknown command ${command}: use dev, start or build`)
    process.exit(2)
}
