import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"

/**
 * Client components that translate (useTranslations, useFormatter from next-intl) fail to render
 * outside next-intl's provider, which only some pages render (components/client-intl.tsx). This
 * follows the imports from every such component up to the pages that use it and checks that each
 * page sits under a layout rendering ClientIntl. Static, so a new page cannot forget it unseen.
 */
const src = path.resolve(__dirname, "../..")
const app = path.join(src, "app")

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : files(full)
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

const sources = new Map(files(src).map((file) => [file, fs.readFileSync(file, "utf8")]))

/** The source files a file imports through the `@/` alias or a relative path. */
function importsOf(file: string): string[] {
  const specifiers = [...sources.get(file)!.matchAll(/from\s+"((?:@\/|\.{1,2}\/)[^"]+)"/g)].map((m) => m[1])
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith("@/") ? path.join(src, spec.slice(2)) : path.resolve(path.dirname(file), spec)
    const found = [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")].find((f) => sources.has(f))
    return found ? [found] : []
  })
}

const importers = new Map<string, string[]>()
for (const file of sources.keys()) {
  for (const target of importsOf(file)) {
    importers.set(target, [...(importers.get(target) ?? []), file])
  }
}

const translatesInBrowser = (file: string) => {
  const text = sources.get(file)!
  return /^["']use client["']/m.test(text) && /from\s+"next-intl"/.test(text)
}

/** The app's route files (page, layout) that end up rendering `file`. */
function routesUsing(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) {
    return []
  }
  seen.add(file)
  if (file.startsWith(app) && /\/(page|layout)\.tsx$/.test(file)) {
    return [file]
  }
  return (importers.get(file) ?? []).flatMap((parent) => routesUsing(parent, seen))
}

/** Whether a layout in the route file's folder or above (below the root layout) renders ClientIntl. */
function underClientIntl(route: string): boolean {
  for (let dir = path.dirname(route); dir.startsWith(app) && dir !== app; dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx")
    if (sources.has(layout) && /<ClientIntl>/.test(sources.get(layout)!)) {
      return true
    }
  }
  return false
}

describe("next-intl's provider where client components translate", () => {
  const translating = [...sources.keys()].filter(translatesInBrowser)

  it("finds the translating client components (the check is not empty)", () => {
    expect(translating.length).toBeGreaterThan(5)
  })

  it.each(translating.map((file) => [path.relative(src, file)]))("%s renders only under ClientIntl", (relative) => {
    const routes = routesUsing(path.join(src, relative))
    expect(routes.length).toBeGreaterThan(0)
    const uncovered = routes.filter((route) => !underClientIntl(route)).map((route) => path.relative(src, route))
    expect(uncovered).toEqual([])
  })
})
