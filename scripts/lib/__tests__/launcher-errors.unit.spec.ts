import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { assertSameMajorVersion, ensureDatabase } from "../embedded-postgres"
import { LauncherError } from "../log"
import { assertPortFree, freePort } from "../ports"
import { quickStartCommands } from "../readme"

describe("launcher errors say what to do", () => {
  it("names the port, its use and the variable when a port is taken", async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, resolve))
    const { port } = server.address() as net.AddressInfo
    try {
      await expect(assertPortFree(port, "Medusa backend and admin", "PORT")).rejects.toThrow(
        new RegExp(`Port ${port} \\(Medusa backend and admin\\) is already in use.*PORT=<port>`)
      )
    } finally {
      server.close()
    }
    await expect(assertPortFree(port, "x", "PORT")).resolves.toBeUndefined()
  })

  it("refuses a data folder made by another PostgreSQL major version", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-pgver-"))
    try {
      fs.writeFileSync(path.join(dir, "PG_VERSION"), "15\n")
      expect(() => assertSameMajorVersion(dir)).toThrow(LauncherError)
      expect(() => assertSameMajorVersion(dir)).toThrow(/made by PostgreSQL 15.*ships PostgreSQL 17.*SOKO_PG_DATA/s)
      fs.writeFileSync(path.join(dir, "PG_VERSION"), "17\n")
      expect(() => assertSameMajorVersion(dir)).not.toThrow()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("explains an unreachable DATABASE_URL without printing the password", async () => {
    const port = await freePort()
    const error = await ensureDatabase(`postgres://shop:hunter2@127.0.0.1:${port}/soko`).catch((e) => e)
    expect(error).toBeInstanceOf(LauncherError)
    expect(error.message).toMatch(/Cannot reach PostgreSQL at postgres:\/\/shop:\*\*\*@127\.0\.0\.1/)
    expect(error.message).toMatch(/DATABASE_URL/)
    expect(error.message).not.toContain("hunter2")
  })
})

describe("README quick start", () => {
  it("has exactly two commands: install + start, install + test", () => {
    const commands = quickStartCommands(path.join(__dirname, "..", "..", "..", "README.md"))
    expect(commands).toEqual(["npm install && npm run dev", "npm install && npm test"])
  })
})
