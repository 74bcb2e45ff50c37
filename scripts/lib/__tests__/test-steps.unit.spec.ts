import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { runLanes, stopSteps, type Step } from "../test-steps"

/** A step that notes that it started in `file`, then runs for a while. */
const step = (name: string, file: string, seconds: number): Step => ({
  name,
  command: "bash",
  args: ["-c", `echo ${name} >> ${file}; sleep ${seconds}`],
  cwd: os.tmpdir(),
})

describe("npm test's lanes", () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-lanes-"))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("runs lanes side by side, each lane's steps in order", async () => {
    const started = path.join(dir, "started")
    const results = await runLanes(
      [
        [step("a1", started, 0), step("a2", started, 0)],
        [step("b1", started, 0)],
      ],
      { env: process.env, logDir: dir }
    )
    expect(results.map((r) => [r.name, r.code])).toEqual([
      ["a1", 0],
      ["a2", 0],
      ["b1", 0],
    ])
    const order = fs.readFileSync(started, "utf8").trim().split("\n")
    expect(order.indexOf("a1")).toBeLessThan(order.indexOf("a2"))
  })

  it("after a stop (Ctrl-C), starts no further step in any lane", async () => {
    const started = path.join(dir, "started")
    const lanes = runLanes(
      [
        [step("a1", started, 30), step("a2", started, 0)],
        [step("b1", started, 30), step("b2", started, 0)],
      ],
      { env: process.env, logDir: dir }
    )
    for (let i = 0; i < 100 && (fs.existsSync(started) ? fs.readFileSync(started, "utf8").trim().split("\n").length : 0) < 2; i++) {
      await new Promise((r) => setTimeout(r, 100))
    }
    await stopSteps(1_000)
    const results = await lanes
    expect(results.map((r) => r.name).sort()).toEqual(["a1", "b1"])
    expect(results.every((r) => r.code !== 0)).toBe(true)
    expect(fs.readFileSync(started, "utf8").trim().split("\n").sort()).toEqual(["a1", "b1"])
  }, 30_000)
})
