// ESM half of resolve-guard.js: Medusa imports routes, subscribers, jobs and
// workflows with import(), which does not go through Module._resolveFilename.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const forbidden = (process.env.SOKO_INSTALL_GUARD_FORBIDDEN || "").split(path.delimiter).filter(Boolean)
const expected = (process.env.SOKO_INSTALL_GUARD_EXPECTED || "").split(path.delimiter).filter(Boolean)
const violations = process.env.SOKO_INSTALL_GUARD_VIOLATIONS
const loaded = process.env.SOKO_INSTALL_GUARD_LOADED
const seen = new Set()

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context)
  if (result.url && result.url.startsWith("file:") && !seen.has(result.url)) {
    seen.add(result.url)
    try {
      const file = fileURLToPath(result.url)
      if (violations && forbidden.some((prefix) => file.startsWith(prefix))) {
        fs.appendFileSync(violations, `${file} (imported as "${specifier}" from ${context.parentURL})\n`)
      } else if (loaded && expected.some((prefix) => file.startsWith(prefix))) {
        fs.appendFileSync(loaded, `${file}\n`)
      }
    } catch {
      // evidence only
    }
  }
  return result
}
