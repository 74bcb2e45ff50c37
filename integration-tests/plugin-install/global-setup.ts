/**
 * Builds and packs every plugin into dist/packs before the install tests, so
 * they test the tarballs as they would be published. SOKO_INSTALL_SKIP_PACK=1
 * reuses the tarballs already there (when iterating on a test).
 */
import fs from "node:fs"
// Not from ./helpers: they load scripts/lib/processes (execa, an ES module), which jest's
// global setup, unlike its test runtime, cannot compile (see ../esm-packages.js).
import { packPlugins, PACKS_MANIFEST } from "../../scripts/pack-plugins"

export default async function globalSetup() {
  if (process.env.SOKO_INSTALL_SKIP_PACK === "1" && fs.existsSync(PACKS_MANIFEST)) {
    process.stderr.write("  [plugin-install] SOKO_INSTALL_SKIP_PACK=1: using the tarballs in dist/packs\n")
    return
  }
  const started = Date.now()
  process.stderr.write("\n  [plugin-install] building and packing the plugins (npm run pack:plugins)…\n")
  await packPlugins(undefined, (line) => process.stderr.write(`  [plugin-install] ${line.trim()}\n`))
  process.stderr.write(`  [plugin-install] packed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
