import http from "node:http"
import type { AddressInfo } from "node:net"

export interface Received {
  path: string
  raw: string
  body: unknown
}

export interface Receiver {
  url: string
  received: Received[]
  /** How the receiver answers a path (default 200 `{"ResultCode":0,"ResultDesc":"Accepted"}`). */
  answer(path: string, status: number, body?: unknown): void
  /** Forget what was received and every custom answer. */
  reset(): void
  stop(): Promise<void>
}

/** A tiny callback endpoint standing in for the shop's server. */
export const startReceiver = async (): Promise<Receiver> => {
  const received: Received[] = []
  const answers = new Map<string, { status: number; body: unknown }>()
  const server = http.createServer((req, res) => {
    let raw = ""
    req.setEncoding("utf8")
    req.on("data", (c: string) => (raw += c))
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname
      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
      }
      received.push({ path, raw, body })
      const answer = answers.get(path) ?? { status: 200, body: { ResultCode: 0, ResultDesc: "Accepted" } }
      res.writeHead(answer.status, { "content-type": "application/json" })
      res.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status, body = {}) => answers.set(path, { status, body }),
    reset: () => {
      received.length = 0
      answers.clear()
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
