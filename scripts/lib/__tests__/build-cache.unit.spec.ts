import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { buildCache, outputDirOf, sourceHash } from "../build-cache"

describe("build cache (postinstall skips packages whose sources did not change)", () => {
  let root: string
  let pkg: string
  let out: string
  let lock: string
  const cache = () => buildCache(path.join(root, "cache"))
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
  }
  /** A build: writes the output and records it, as postinstall does after `npm run build` succeeds. */
  const build = () => {
    write(path.join(out, "index.js"), `// built ${Date.now()}`)
    cache().markBuilt("@soko/demo", sourceHash(pkg, [lock]), out)
  }
  const fresh = () => cache().isFresh("@soko/demo", sourceHash(pkg, [lock]), out)

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "soko-build-cache-"))
    pkg = path.join(root, "demo")
    out = path.join(pkg, "dist")
    lock = path.join(root, "package-lock.json")
    write(path.join(pkg, "package.json"), "{}")
    write(path.join(pkg, "src", "index.ts"), "export const a = 1")
    write(lock, "{}")
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it("is not fresh before the first build, and fresh right after it", () => {
    expect(fresh()).toBe(false)
    build()
    expect(fresh()).toBe(true)
  })

  it.each([
    ["a source file changes", () => write(path.join(pkg, "src", "index.ts"), "export const a = 2")],
    ["a source file is added", () => write(path.join(pkg, "src", "more.ts"), "export {}")],
    ["a source file is renamed", () => fs.renameSync(path.join(pkg, "src", "index.ts"), path.join(pkg, "src", "main.ts"))],
    ["the lockfile changes (a dependency upgrade)", () => write(lock, '{"v":2}')],
    ["the output is deleted", () => fs.rmSync(out, { recursive: true })],
    ["the output is rebuilt some other way", () => write(path.join(out, "extra.js"), "")],
  ])("rebuilds when %s", (_what, change) => {
    build()
    change()
    expect(fresh()).toBe(false)
  })

  it("ignores dependencies and build output when hashing the sources", () => {
    build()
    write(path.join(pkg, "node_modules", "dep", "index.js"), "x")
    write(path.join(pkg, ".medusa", "server", "x.js"), "x")
    expect(fresh()).toBe(true)
  })

  it.each([
    [["bin", "dist", "README.md"], "dist"],
    [[".medusa/server", "README.md"], ".medusa/server"],
    [["README.md"], undefined],
    [undefined, undefined],
  ])("finds the build output among the published files %j", (files, expected) => {
    expect(outputDirOf("/p", files)).toBe(expected ? path.join("/p", expected) : undefined)
  })
})
