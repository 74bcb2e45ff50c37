import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { redactHookUrl } from "../redact-hook-url"

const morgan = require("morgan") as (format: string, options: { stream: { write: (line: string) => void } }) => express.RequestHandler

describe("redactHookUrl", () => {
  it.each([
    ["/hooks/daraja/stk/s3cr3t-t0ken-abcdef", "/hooks/daraja/stk/[redacted]"],
    ["/hooks/daraja/b2c/s3cr3t?x=1", "/hooks/daraja/b2c/[redacted]?x=1"],
    ["/hooks/daraja/status/", "/hooks/daraja/status/[redacted]"],
    ["/hooks/daraja/stk", "/hooks/daraja/stk"],
    ["/hooks/daraja/c2b/confirmation/s3cr3t", "/hooks/daraja/c2b/confirmation/[redacted]"],
    ["/hooks/daraja/c2b/validation/s3cr3t?x=1", "/hooks/daraja/c2b/validation/[redacted]?x=1"],
    ["/hooks/daraja/c2b/s3cr3t", "/hooks/daraja/c2b/[redacted]"],
    ["/store/products?q=s3cr3t", "/store/products?q=s3cr3t"],
  ])("%s → %s", (url, expected) => {
    expect(redactHookUrl(url)).toBe(expected)
  })

  it("keeps the secret out of the access log morgan writes (Medusa's format) when the handler redacts", async () => {
    const lines: string[] = []
    const app = express()
    app.use(morgan(":method :url ← :referrer (:status) - :response-time ms", { stream: { write: (line) => lines.push(line) } }))
    app.post("/hooks/daraja/:kind/:token", (req, res) => {
      req.originalUrl = redactHookUrl(req.originalUrl)
      res.json({ ResultCode: 0 })
    })
    const server = http.createServer(app)
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as AddressInfo
    await fetch(`http://127.0.0.1:${port}/hooks/daraja/stk/s3cr3t-t0ken-abcdef`, { method: "POST" })
    await new Promise<void>((resolve) => server.close(() => resolve()))
    expect(lines.join("")).toContain("/hooks/daraja/stk/[redacted]")
    expect(lines.join("")).not.toContain("s3cr3t")
  })
})
