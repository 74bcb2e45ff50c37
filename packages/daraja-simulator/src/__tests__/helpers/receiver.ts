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
  /**
   * How the receiver answers a path (default 200 `{"ResultCode":0,"ResultDesc":"Accepted"}`),
   * optionally only after `delayMs`, like a slow shop.
   */
  answer(path: string, status: number, body?: unknown, delayMs?: number): void
  /** Forget what was received and every custom answer. */
  reset(): void
  stop(): Promise<void>
}

/** A tiny callback endpoint standing in for the shop's server. */
export const startReceiver = async (): Promise<Receiver> => {
  const received: Received[] = []
  const answers = new Map<string, { status: number; body: unknown; delayMs?: number }>()
  const timers = new Set<NodeJS.Timeout>()
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
      const reply = (): void => {
        res.writeHead(answer.status, { "content-type": "application/json" })
        res.end(JSON.stringify(answer.body))
      }
      if (!answer.delayMs) {
        return reply()
      }
      const timer = setTimeout(() => {
        timers.delete(timer)
        reply()
      }, answer.delayMs)
      timers.add(timer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status, body = {}, delayMs) => answers.set(path, { status, body, delayMs }),
    reset: () => {
      received.length = 0
      answers.clear()
    },
    stop: () =>
      new Promise((resolve) => {
        timers.forEach(clearTimeout)
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
