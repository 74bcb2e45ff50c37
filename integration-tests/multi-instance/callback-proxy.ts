/**
 * The round-robin forwarder that stands where a load balancer would, in front
 * of the cluster's servers (./cluster.ts): Daraja's callbacks reach the
 * servers through it, and a test can make it hold them to release them later.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import type { CallbackProxy, HeldCallback } from "./cluster-types"

export function startProxy(port: number, targets: string[]): Promise<CallbackProxy & { close: () => Promise<void> }> {
  let next = 0
  let holding = false
  let held: HeldCallback[] = []
  const forwarded = targets.map(() => 0)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      if (holding) {
        held.push({ path: req.url ?? "/", body, receivedAt: Date.now() })
        res.writeHead(200, { "content-type": "application/json" })
        res.end(JSON.stringify({ ResultCode: 0, ResultDesc: "Accepted" }))
        return
      }
      const index = next++ % targets.length
      forwarded[index]++
      const target = new URL(req.url ?? "/", targets[index])
      const upstream = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host }, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      upstream.on("error", (error) => {
        res.writeHead(502, { "content-type": "application/json" })
        res.end(JSON.stringify({ message: `proxy: ${error.message}` }))
      })
      upstream.end(body)
    })
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo
      resolve({
        url: `http://localhost:${bound}`,
        forwarded,
        hold: (on) => {
          holding = on
        },
        takeHeld: () => {
          const out = held
          held = []
          return out
        },
        close: () =>
          new Promise<void>((done) => {
            agent.destroy()
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}

