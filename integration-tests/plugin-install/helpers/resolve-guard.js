/**
 * Preloaded (`node --require`) into every process of a scratch app. Records
 * each module resolution that lands in the Soko workspace (plugins/*,
 * packages/*) instead of the scratch app's own node_modules, and the files
 * loaded from the plugin installed from its tarball. The install tests read
 * both logs: the first must stay empty, the second must not. require() is
 * watched here, import() by the hooks in resolve-guard-hooks.mjs.
 */
const fs = require("node:fs")
const Module = require("node:module")
const path = require("node:path")

const forbidden = (process.env.SOKO_INSTALL_GUARD_FORBIDDEN || "").split(path.delimiter).filter(Boolean)
const expected = (process.env.SOKO_INSTALL_GUARD_EXPECTED || "").split(path.delimiter).filter(Boolean)
const violations = process.env.SOKO_INSTALL_GUARD_VIOLATIONS
const loaded = process.env.SOKO_INSTALL_GUARD_LOADED
const seen = new Set()

if (typeof Module.register === "function") {
  Module.register(require("node:url").pathToFileURL(path.join(__dirname, "resolve-guard-hooks.mjs")))
}

const original = Module._resolveFilename
Module._resolveFilename = function (request, parent, ...rest) {
  const resolved = original.call(this, request, parent, ...rest)
  if (typeof resolved === "string" && !seen.has(resolved)) {
    seen.add(resolved)
    try {
      if (violations && forbidden.some((prefix) => resolved.startsWith(prefix))) {
        fs.appendFileSync(violations, `${resolved} (required as "${request}" from ${parent && parent.filename})\n`)
      } else if (loaded && expected.some((prefix) => resolved.startsWith(prefix))) {
        fs.appendFileSync(loaded, `${resolved}\n`)
      }
    } catch {
      // the log is evidence, never a reason to break the app
    }
  }
  return resolved
}
