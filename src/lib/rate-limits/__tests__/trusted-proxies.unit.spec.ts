import type { AddressInfo } from "node:net"
import express from "express"
import { applyTrustedProxies } from "../middleware"

/** req.ip as an Express app configured like Medusa (trust proxy 1), then by SOKO_TRUSTED_PROXIES, reports it. */
async function clientAddress(hops: number, forwardedFor?: string): Promise<string> {
  const app = express()
  app.set("trust proxy", 1)
  app.use((req, _res, next) => {
    applyTrustedProxies(req.app, hops)
    next()
  })
  app.get("/", (req, res) => {
    res.send(req.ip)
  })
  const server = app.listen(0, "127.0.0.1")
  await new Promise((resolve) => server.once("listening", resolve))
  try {
    const { port } = server.address() as AddressInfo
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })
    return await res.text()
  } finally {
    server.close()
  }
}

describe("SOKO_TRUSTED_PROXIES → req.ip", () => {
  it.each([
    // No proxy in front: the socket address, whatever the caller wrote.
    [0, "6.6.6.6", "127.0.0.1"],
    [0, undefined, "127.0.0.1"],
    // One trusted hop (the storefront, or one load balancer): what it appended.
    [1, "198.51.100.7", "198.51.100.7"],
    [1, "6.6.6.6, 198.51.100.7", "198.51.100.7"],
    // A CDN in front of a load balancer: the entry the outer one appended.
    [2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"],
    [2, "198.51.100.7, 10.0.0.2", "198.51.100.7"],
  ])("%i hops, x-forwarded-for %p → %s", async (hops, header, expected) => {
    expect((await clientAddress(hops, header)).replace(/^::ffff:/, "")).toBe(expected)
  })
})
