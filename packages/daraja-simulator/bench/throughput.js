#!/usr/bin/env node
// Bounded load run: starts the built simulator in a child process (so the load
// generator does not steal its CPU), then hammers OAuth and STK Query with
// keep-alive connections. Usage: node bench/throughput.js [seconds] [concurrency]
const { spawn } = require("node:child_process")
const http = require("node:http")
const path = require("node:path")

const seconds = Number(process.argv[2] || 10)
const concurrency = Number(process.argv[3] || 32)
const PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"

const startChild = () =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(__dirname, "../dist/cli.js"), "--port", "0", "--quiet", "--callback-delay", "0"],
      { stdio: ["ignore", "pipe", "inherit"] }
    )
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", (text) => {
      const match = /listening on (\S+)/.exec(text)
      if (match) {
        resolve({ child, url: match[1] })
      }
    })
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)))
  })

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })

const request = (url, method, headers, body) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let text = ""
      res.setEncoding("utf8")
      res.on("data", (c) => (text += c))
      res.on("end", () => resolve({ status: res.statusCode, text }))
    })
    req.on("error", reject)
    req.end(body)
  })

const timestamp = () => {
  const d = new Date(Date.now() + 3 * 3600 * 1000)
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14)
}

const run = async (name, once) => {
  const deadline = Date.now() + seconds * 1000
  let done = 0
  let failed = 0
  const loop = async () => {
    while (Date.now() < deadline) {
      if (await once()) {
        done++
      } else {
        failed++
      }
    }
  }
  const started = Date.now()
  await Promise.all(Array.from({ length: concurrency }, loop))
  const elapsed = (Date.now() - started) / 1000
  console.log(`${name}: ${Math.round(done / elapsed)} req/s (${done} ok, ${failed} failed, ${concurrency} connections, ${elapsed.toFixed(1)} s)`)
}

const main = async () => {
  const { child, url } = await startChild()
  try {
    const basic = `Basic ${Buffer.from("key:secret").toString("base64")}`
    const oauth = () => request(`${url}/oauth/v1/generate?grant_type=client_credentials`, "GET", { authorization: basic })
    await run("OAuth generate", async () => (await oauth()).status === 200)
    // A fresh token: the OAuth run issued so many that the oldest were dropped.
    const token = JSON.parse((await oauth()).text).access_token
    const ts = timestamp()
    const creds = { BusinessShortCode: "174379", Password: Buffer.from(`174379${PASSKEY}${ts}`).toString("base64"), Timestamp: ts }
    const json = { "content-type": "application/json", authorization: `Bearer ${token}` }
    const pushed = await request(`${url}/mpesa/stkpush/v1/processrequest`, "POST", json, JSON.stringify({
      ...creds, TransactionType: "CustomerPayBillOnline", Amount: 1, PartyA: "254708374149", PartyB: "174379",
      PhoneNumber: "254708374149", CallBackURL: "http://127.0.0.1:9/cb", AccountReference: "bench", TransactionDesc: "bench",
    }))
    const id = JSON.parse(pushed.text).CheckoutRequestID
    await new Promise((r) => setTimeout(r, 200))
    const queryBody = JSON.stringify({ ...creds, CheckoutRequestID: id })
    await run("STK Query", async () => (await request(`${url}/mpesa/stkpushquery/v1/query`, "POST", json, queryBody)).status === 200)
  } finally {
    agent.destroy()
    child.kill("SIGTERM")
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
