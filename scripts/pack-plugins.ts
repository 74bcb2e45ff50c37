/**
 * `npm run pack:plugins`: builds every Soko plugin from a clean copy of its
 * sources and packs it with `npm pack` into dist/packs/ (git-ignored), ready to
 * publish (`npm publish dist/packs/<tarball>`).
 *
 * Each plugin is copied to dist/.pack-stage/<dir> first and built there, so a
 * pack never rewrites plugins/<dir>/.medusa, which a running Soko app loads.
 * The stage is inside the repository, so the root node_modules resolve the
 * same way; a relative `extends` in the plugin's tsconfig is made absolute.
 *
 *   npm run pack:plugins                 # all plugins
 *   npm run pack:plugins -- mpesa        # some (folder names under plugins/)
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"

const root = path.resolve(__dirname, "..")
export const PACKS_DIR = path.join(root, "dist", "packs")
export const PACKS_MANIFEST = path.join(PACKS_DIR, "manifest.json")
const STAGE_DIR = path.join(root, "dist", ".pack-stage")
const medusaBin = path.join(root, "node_modules", ".bin", "medusa")

/** What a plugin's tarball is built from (everything else stays out of the stage). */
const STAGED = ["package.json", "tsconfig.json", "src", "README.md", "LICENSE", "CHANGELOG.md"]

export type PackedPlugin = {
  dir: string
  name: string
  version: string
  tarball: string
  size: number
  unpackedSize: number
  entryCount: number
  files: string[]
  buildSeconds: number
}

type NpmPackJson = Array<{
  name: string
  version: string
  filename: string
  size: number
  unpackedSize: number
  entryCount: number
  files: Array<{ path: string }>
}>

function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (c: Buffer) => (out += c.toString()))
    child.stderr.on("data", (c: Buffer) => (err += c.toString()))
    child.once("error", reject)
    child.once("exit", (code) => {
      if (code === 0) {
        resolve(out)
      } else {
        const tail = `${out}\n${err}`.trim().split("\n").slice(-30).join("\n")
        reject(new Error(`\`${path.basename(command)} ${args.join(" ")}\` in ${cwd} failed (exit ${code}):\n${tail}`))
      }
    })
  })
}

export function pluginDirs(): string[] {
  return fs
    .readdirSync(path.join(root, "plugins"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, "plugins", d.name, "package.json")))
    .map((d) => d.name)
    .sort()
}

/** Builds one plugin in a staging copy and packs it into PACKS_DIR. */
export async function packPlugin(dir: string, log: (line: string) => void = console.log): Promise<PackedPlugin> {
  const source = path.join(root, "plugins", dir)
  const stage = path.join(STAGE_DIR, dir)
  fs.rmSync(stage, { recursive: true, force: true })
  fs.mkdirSync(stage, { recursive: true })
  for (const entry of STAGED) {
    const from = path.join(source, entry)
    if (!fs.existsSync(from)) {
      if (entry === "src" || entry === "package.json") {
        throw new Error(`plugins/${dir}/${entry} is missing`)
      }
      continue
    }
    fs.cpSync(from, path.join(stage, entry), {
      recursive: true,
      // Tests are not part of the package (the tsconfig excludes them from the build too).
      filter: (p) => !p.split(path.sep).includes("__tests__"),
    })
  }
  const tsconfigPath = path.join(stage, "tsconfig.json")
  if (fs.existsSync(tsconfigPath)) {
    const tsconfig = JSON.parse(fs.readFileSync(tsconfigPath, "utf8")) as { extends?: string }
    if (tsconfig.extends?.startsWith(".")) {
      tsconfig.extends = path.resolve(source, tsconfig.extends)
      fs.writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2))
    }
  }
  const env: NodeJS.ProcessEnv = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production" }
  const started = Date.now()
  log(`  building plugins/${dir} (medusa plugin:build)…`)
  await exec(medusaBin, ["plugin:build"], stage, env)
  const buildSeconds = (Date.now() - started) / 1000
  if (!fs.existsSync(path.join(stage, ".medusa", "server", "src"))) {
    throw new Error(`medusa plugin:build produced no .medusa/server/src for plugins/${dir}`)
  }
  fs.mkdirSync(PACKS_DIR, { recursive: true })
  const json = await exec(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", PACKS_DIR],
    stage,
    { ...env, npm_config_loglevel: "error" }
  )
  const [result] = JSON.parse(json.slice(json.indexOf("["))) as NpmPackJson
  fs.rmSync(stage, { recursive: true, force: true })
  return {
    dir,
    name: result.name,
    version: result.version,
    tarball: path.join(PACKS_DIR, result.filename),
    size: result.size,
    unpackedSize: result.unpackedSize,
    entryCount: result.entryCount,
    files: result.files.map((f) => f.path),
    buildSeconds,
  }
}

/** Packs the given plugins (default: all) and writes dist/packs/manifest.json. */
export async function packPlugins(
  dirs: string[] = pluginDirs(),
  log: (line: string) => void = console.log
): Promise<PackedPlugin[]> {
  const packed: PackedPlugin[] = []
  for (const dir of dirs) {
    const p = await packPlugin(dir, log)
    log(
      `  ✓ ${path.relative(root, p.tarball)}: ${(p.size / 1024).toFixed(1)} kB packed, ` +
        `${(p.unpackedSize / 1024).toFixed(1)} kB unpacked, ${p.entryCount} files (build ${p.buildSeconds.toFixed(1)} s)`
    )
    packed.push(p)
  }
  const manifestPath = PACKS_MANIFEST
  const previous: Record<string, PackedPlugin> = fs.existsSync(manifestPath)
    ? JSON.parse(fs.readFileSync(manifestPath, "utf8"))
    : {}
  for (const p of packed) {
    previous[p.dir] = p
  }
  fs.writeFileSync(manifestPath, JSON.stringify(previous, null, 2))
  fs.rmSync(STAGE_DIR, { recursive: true, force: true })
  return packed
}

if (require.main === module) {
  const requested = process.argv.slice(2)
  const known = pluginDirs()
  const unknown = requested.filter((d) => !known.includes(d))
  if (unknown.length) {
    console.error(`Unknown plugin folder(s): ${unknown.join(", ")}. Known: ${known.join(", ")}`)
    process.exit(2)
  }
  console.log(`› packing ${requested.length ? requested.join(", ") : known.join(", ")} into ${path.relative(root, PACKS_DIR)}/`)
  packPlugins(requested.length ? requested : known).then(
    () => console.log(`✓ done; publish with: npm publish ${path.relative(process.cwd(), PACKS_DIR)}/<tarball>`),
    (error: Error) => {
      console.error(`✗ ${error.message}`)
      process.exit(1)
    }
  )
}
