/**
 * What a publishable Soko plugin tarball must be, read from the tarball
 * itself: only the build, docs and manifest; exact Medusa peers; no other
 * Soko package; every import it makes at runtime declared.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import { builtinModules } from "node:module"
import os from "node:os"
import path from "node:path"

export const MEDUSA_VERSION = "2.21.2"

/**
 * Imports Medusa's admin provides to every extension (they are external in
 * `plugin:build` whatever the package declares; see @medusajs/admin-bundler).
 */
const ADMIN_PROVIDED = [
  "react",
  "react-router-dom",
  "react-router",
  "react-i18next",
  "@medusajs/js-sdk",
  "@medusajs/admin-sdk",
  "@tanstack/react-query",
]

const DEV_ONLY = /^(@medusajs\/test-utils|@soko\/|jest|@swc\/|ts-node|typescript|yalc|vite|@types\/|eslint)/

export type TarballReport = {
  files: string[]
  manifest: Record<string, any>
  problems: string[]
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/")
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]
}

/** Bare module specifiers required or imported by a built JS file. */
function importsOf(source: string): string[] {
  const found = new Set<string>()
  // A package specifier: "name", "@scope/name", "name/sub/path", "node:fs".
  const spec = `["']([@a-zA-Z0-9][\\w.\\-/@:]*)["']`
  const patterns = [
    new RegExp(`\\brequire\\(\\s*${spec}\\s*\\)`, "g"),
    new RegExp(`\\bfrom\\s*${spec}`, "g"),
    new RegExp(`\\bimport\\(\\s*${spec}\\s*\\)`, "g"),
    new RegExp(`\\bimport\\s*${spec}`, "g"),
  ]
  for (const re of patterns) {
    for (const m of source.matchAll(re)) {
      if (!m[1].startsWith("/")) {
        found.add(m[1])
      }
    }
  }
  return [...found]
}

export function inspectTarball(tarball: string, expectedName: string): TarballReport {
  const problems: string[] = []
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-tarball-"))
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir])
    const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((f) => f.replace(/^package\//, ""))
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package", "package.json"), "utf8"))

    if (manifest.name !== expectedName) {
      problems.push(`name is ${manifest.name}, expected ${expectedName}`)
    }
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(manifest.version ?? "")) {
      problems.push(`version "${manifest.version}" is not a semver version`)
    }
    for (const doc of ["README.md", "LICENSE", "CHANGELOG.md", "package.json"]) {
      if (!files.includes(doc)) {
        problems.push(`${doc} is missing from the tarball`)
      }
    }
    const changelog = files.includes("CHANGELOG.md") ? fs.readFileSync(path.join(dir, "package", "CHANGELOG.md"), "utf8") : ""
    if (changelog && !changelog.includes(`## ${manifest.version}`)) {
      problems.push(`CHANGELOG.md has no "## ${manifest.version}" entry`)
    }
    for (const f of files) {
      const allowed = ["README.md", "LICENSE", "CHANGELOG.md", "package.json"].includes(f) || f.startsWith(".medusa/server/src/")
      if (!allowed) {
        problems.push(`unexpected file in the tarball: ${f}`)
      }
      if (f.includes("__tests__") || /\.spec\.|\.test\./.test(f)) {
        problems.push(`test file in the tarball: ${f}`)
      }
      if (/\.tsx?$/.test(f) && !f.endsWith(".d.ts")) {
        problems.push(`TypeScript source in the tarball: ${f}`)
      }
    }
    for (const built of [".medusa/server/src/admin/index.mjs", ".medusa/server/src/admin/index.js"]) {
      if (!files.includes(built)) {
        problems.push(`${built} (the admin extensions) is missing`)
      }
    }
    if (!manifest.exports?.["./admin"]) {
      problems.push(`exports["./admin"] is missing: Medusa would not load the admin extensions`)
    }

    const deps: Record<string, string> = manifest.dependencies ?? {}
    const peers: Record<string, string> = manifest.peerDependencies ?? {}
    for (const core of ["@medusajs/framework", "@medusajs/medusa"]) {
      if (peers[core] !== MEDUSA_VERSION) {
        problems.push(`peerDependencies["${core}"] is ${peers[core] ?? "missing"}, expected exactly ${MEDUSA_VERSION}`)
      }
    }
    for (const [name, range] of Object.entries(peers)) {
      if (name.startsWith("@medusajs/") && !/^\d+\.\d+\.\d+$/.test(range)) {
        problems.push(`peerDependencies["${name}"] is "${range}", not an exact version`)
      }
      if (name.startsWith("@mikro-orm/") && range !== "6.6.14") {
        problems.push(`peerDependencies["${name}"] is "${range}", expected 6.6.14 (Medusa 2.21.2's)`)
      }
    }
    for (const name of Object.keys(deps)) {
      if (name.startsWith("@medusajs/") || name.startsWith("@mikro-orm/")) {
        problems.push(`${name} is a dependency; it must be a peer dependency (one copy of Medusa in the app)`)
      }
      if (DEV_ONLY.test(name) || name.startsWith("@soko/") || name === "soko") {
        problems.push(`${name} must not be a runtime dependency`)
      }
    }
    for (const name of Object.keys(peers)) {
      if (name.startsWith("@soko/") || name === "soko") {
        problems.push(`${name} must not be a peer dependency (a Soko plugin installs alone)`)
      }
    }
    if (manifest.bundledDependencies || manifest.bundleDependencies) {
      problems.push(`bundled dependencies are not expected`)
    }

    const declared = new Set([...Object.keys(deps), ...Object.keys(peers)])
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)])
    const undeclared = new Map<string, string>()
    for (const f of files.filter((f) => /\.(c|m)?js$/.test(f))) {
      const source = fs.readFileSync(path.join(dir, "package", f), "utf8")
      const isAdmin = f.startsWith(".medusa/server/src/admin/")
      for (const spec of importsOf(source)) {
        if (spec.includes("${")) {
          continue
        }
        const pkg = packageOf(spec)
        if (builtins.has(spec) || builtins.has(pkg) || declared.has(pkg) || (isAdmin && ADMIN_PROVIDED.includes(pkg))) {
          continue
        }
        undeclared.set(pkg, f)
      }
    }
    for (const [pkg, file] of undeclared) {
      problems.push(`${file} imports "${pkg}", which is neither a dependency nor a peer dependency`)
    }
    return { files, manifest, problems }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
