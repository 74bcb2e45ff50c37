import net from "node:net"
import type { DarajaSimulator, Logger } from "../index"
import { DARAJA_ROUTES } from "../router"
import { SANDBOX_PASSKEY } from "../options"
import { basic, getToken, post, push, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

const GARBAGE: Array<[string, string]> = [
  ["empty", ""],
  ["malformed", "{"],
  ["array", "[1,2]"],
  ["null", "null"],
  ["string", '"x"'],
  ["wrong types", JSON.stringify({ BusinessShortCode: { a: 1 }, Amount: [1], ShortCode: true, Initiator: 5 })],
  ["prototype keys", '{"__proto__":{"polluted":1},"constructor":{"prototype":{}}}'],
  ["deep nesting", "[".repeat(5000) + "]".repeat(5000)],
  ["binary", "\u0000\u0001\u00ff"],
]

describe("bad input never crashes the simulator", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string
  const lines: string[] = []
  const logger: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  }

  beforeAll(async () => {
    sim = await start({ logger })
    receiver = await startReceiver()
    token = await getToken(sim)
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })

  const postPaths = Object.entries(DARAJA_ROUTES)
    .filter(([, r]) => r.method === "POST")
    .map(([path]) => path)

  it.each(postPaths)("answers garbage on %s with Daraja's 400 envelope", async (path) => {
    for (const [, body] of GARBAGE) {
      const res = await post(sim, path, token, body)
      expect(res.status).toBe(400)
      expect(Object.keys(res.body).sort()).toEqual(["errorCode", "errorMessage", "requestId"])
      expect(res.text).not.toMatch(/\n\s+at /)
    }
  })

  it("does not let __proto__ in a body pollute objects", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("survives a client that disconnects mid-body and raw garbage on the socket", async () => {
    await new Promise<void>((resolve) => {
      const socket = net.connect(sim.port, "127.0.0.1", () => {
        socket.write("POST /mpesa/stkpush/v1/processrequest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"Bus")
        socket.destroy()
        resolve()
      })
    })
    await new Promise<void>((resolve) => {
      const socket = net.connect(sim.port, "127.0.0.1", () => {
        socket.end("\u0016\u0003\u0001 not http at all\r\n\r\n")
      })
      socket.on("data", () => undefined)
      socket.on("close", () => resolve())
      socket.on("error", () => resolve())
    })
    expect((await push(sim, token, receiver.url)).status).toBe(200)
  })

  it("decodes odd paths without failing", async () => {
    const res = await fetch(`${sim.url}/__simulator/prompts/%E0%A4%A/cancel`, { method: "POST" })
    expect(res.status).toBeGreaterThanOrEqual(400)
    const daraja = await fetch(`${sim.url}/mpesa/%zz`)
    expect(daraja.status).toBe(404)
  })

  it("never logs consumer secrets, passkeys, passwords or tokens", async () => {
    await fetch(`${sim.url}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { authorization: basic("myKey", "VerySecretSecret") },
    })
    await push(sim, token, "http://127.0.0.1:1")
    const all = lines.join("\n")
    expect(lines.length).toBeGreaterThan(0)
    expect(all).not.toContain("VerySecretSecret")
    expect(all).not.toContain(SANDBOX_PASSKEY)
    expect(all).not.toContain(token)
    expect(all).not.toMatch(/Password|SecurityCredential/)
  })
})
