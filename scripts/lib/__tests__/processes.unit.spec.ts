import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePort, waitForHttp } from "../ports"
import { runStep, signalGroup, startProcess, stopAll } from "../processes"

const root = path.resolve(__dirname, "..", "..", "..")
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "soko-processes-"))
const env = { PATH: process.env.PATH }

/** Running, as opposed to gone or a zombie (killed, not yet reaped by whoever adopted it: PID 1 may take its time). */
function alive(pid: number) {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z"
  } catch {
    return false
  }
}

async function until(condition: () => boolean, what: string) {
  for (let i = 0; i < 300 && !condition(); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!condition()) {
    throw new Error(`never happened: ${what}`)
  }
}

/** Starts bash that prints the pids of two background sleeps (its grandchildren-to-be) and waits. */
function startFamily(trapTerm = false) {
  const pidsFile = path.join(tmp, `pids-${Math.random()}`)
  const script = `${trapTerm ? "trap '' TERM; " : ""}sleep 300 & a=$!; sleep 300 & b=$!; echo "$a $b" > ${pidsFile}; echo started; wait`
  const child = startProcess("family", "bash", ["-c", script], { cwd: tmp, env, prefix: "" })
  return { child, pids: async () => {
    await until(() => fs.existsSync(pidsFile) && fs.readFileSync(pidsFile, "utf8").includes(" "), "pids written")
    return fs.readFileSync(pidsFile, "utf8").trim().split(" ").map(Number)
  } }
}

afterAll(async () => {
  await stopAll({ graceMs: 100 })
})

describe("processes", () => {
  it("stop() ends the child and everything it started", async () => {
    const { child, pids } = startFamily()
    const grandchildren = await pids()
    expect(grandchildren.every(alive)).toBe(true)
    await child.stop()
    expect(child.alive()).toBe(false)
    expect(grandchildren.filter(alive)).toEqual([])
    expect(signalGroup(child.pid, 0)).toBe(false)
  })

  it("stop() escalates to SIGKILL when the group ignores SIGTERM", async () => {
    const { child, pids } = startFamily(true)
    const grandchildren = await pids()
    await child.stop({ graceMs: 200 })
    expect(await child.exited).toBeNull()
    expect(grandchildren.filter(alive)).toEqual([])
  })

  it("runStep fails with the command, its exit code and the last lines of its log", async () => {
    const logFile = path.join(tmp, "step.log")
    const failing = runStep("bash", ["-c", "echo first; echo 'the real reason' >&2; exit 3"], { cwd: tmp, env, logFile })
    await expect(failing).rejects.toThrow(/`bash -c .*` failed \(exit 3\)[\s\S]*the real reason/)
    expect(fs.readFileSync(logFile, "utf8")).toBe("first\nthe real reason\n")
    await expect(runStep("true", [], { cwd: tmp, env, logFile })).resolves.toBeUndefined()
  })

  it("waitForHttp stops as soon as the child it waits for has died, quoting it", async () => {
    const port = await freePort()
    const child = startProcess("server", "bash", ["-c", "echo cannot bind; exit 1"], { cwd: tmp, env, prefix: "" })
    await expect(waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 600_000, child })).rejects.toThrow(
      /server exited before .* answered[\s\S]*cannot bind/
    )
  })

  it("freePort stays in the range it is given and never hands out the same port twice", async () => {
    const first = await freePort({ from: 9240, to: 9249 })
    const second = await freePort({ from: 9240, to: 9249 })
    expect([first, second].every((p) => p >= 9240 && p <= 9249)).toBe(true)
    expect(first).not.toBe(second)
  })

  it("when the parent is killed outright, the reaper stops what it had started", async () => {
    const pidsFile = path.join(tmp, "orphans")
    const readyFile = path.join(tmp, "started")
    const program = [
      `const { startProcess } = require(${JSON.stringify(path.join(root, "scripts/lib/processes.ts"))})`,
      `startProcess("family", "bash", ["-c", "sleep 300 & echo $$ $! > ${pidsFile}; wait"], { cwd: "/", env: process.env, prefix: "" })`,
      // The guarantee is for what startProcess has returned: a kill inside that call, between the
      // child's spawn and its registration, is the one window the reaper cannot cover.
      `require("fs").writeFileSync(${JSON.stringify(readyFile)}, "started")`,
      `setInterval(() => {}, 1000)`,
    ].join("\n")
    const parent = spawn(process.execPath, ["-r", "ts-node/register", "-e", program], {
      cwd: root,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      stdio: "ignore",
    })
    await until(() => fs.existsSync(readyFile) && fs.existsSync(pidsFile) && fs.readFileSync(pidsFile, "utf8").includes(" "), "child started")
    const family = fs.readFileSync(pidsFile, "utf8").trim().split(" ").map(Number)
    expect(family.every(alive)).toBe(true)
    parent.kill("SIGKILL")
    await until(() => !family.some(alive), "the reaper killed the orphans")
    expect(family.filter(alive)).toEqual([])
    // Starting a TypeScript program takes seconds on a busy machine (jest's 5-s default timed out in CI).
  }, 60_000)
})
