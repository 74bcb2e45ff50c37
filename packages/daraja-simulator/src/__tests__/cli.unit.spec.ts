import { ChildProcess, spawn } from "node:child_process"
import path from "node:path"

const CLI = path.join(__dirname, "..", "cli.ts")

/** Runs the CLI from source (ts-node, transpile only) so the test needs no build. */
const runCli = (args: string[]): ChildProcess =>
  spawn(process.execPath, ["-r", "ts-node/register", CLI, ...args], {
    cwd: path.join(__dirname, "..", ".."),
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  })

const output = (child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    let stdout = ""
    let stderr = ""
    child.stdout?.on("data", (c: Buffer) => (stdout += c.toString()))
    child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()))
    child.on("exit", (code) => resolve({ code, stdout, stderr }))
  })

describe("CLI", () => {
  it("prints the URL and phone page, serves Daraja, and stops on SIGTERM", async () => {
    const child = runCli(["--port", "0", "--callback-delay", "0", "--quiet"])
    const done = output(child)
    const url = await new Promise<string>((resolve, reject) => {
      let seen = ""
      child.stdout?.on("data", (c: Buffer) => {
        seen += c.toString()
        const m = /listening on (\S+)/.exec(seen)
        if (m && seen.includes("Phone page:")) {
          resolve(m[1])
        }
      })
      child.on("exit", () => reject(new Error(seen)))
    })
    const res = await fetch(`${url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { authorization: `Basic ${Buffer.from("k:s").toString("base64")}` },
    })
    expect(res.status).toBe(200)
    child.kill("SIGTERM")
    const { code, stdout } = await done
    expect(code).toBe(0)
    expect(stdout).toContain(`Phone page: ${url}/phone`)
  }, 20_000)

  it("exits with 2 and the usage on an unknown flag", async () => {
    const { code, stderr } = await output(runCli(["--frobnicate"]))
    expect(code).toBe(2)
    expect(stderr).toMatch(/unknown option --frobnicate[\s\S]*Usage: daraja-simulator/)
  }, 20_000)
})
