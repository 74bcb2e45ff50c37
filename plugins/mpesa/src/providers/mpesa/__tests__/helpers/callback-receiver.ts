import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"

/** Stands in for the shop's backend: records every POST and answers 200 like Medusa's hook route. */
export interface CallbackReceiver {
  url: string
  bodies: Array<{ path: string; body: unknown }>
  close(): Promise<void>
}

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const bodies: CallbackReceiver["bodies"] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        // keep the raw text
      }
      bodies.push({ path: req.url ?? "/", body })
      res.writeHead(200, { "Content-Type": "application/json", Connection: "close" })
      res.end(JSON.stringify({ ResultCode: 0, ResultDesc: "Accepted" }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
}
