/**
 * Observability end to end: Soko as a server and a worker process (`medusa start`,
 * which loads instrumentation.ts) exporting spans to an in-process OTLP/HTTP
 * receiver and serving Prometheus metrics; one M-Pesa checkout through the store
 * API, paid on the Daraja simulator. Checks the spans (HTTP, workflows and steps,
 * queries, PostgreSQL, and Soko's mpesa.push / mpesa.callback.settle /
 * notification.send), that no span holds the phone number or a secret, that the
 * request id is echoed and on the spans, and the metrics on both instances.
 * Writes the checkout's span names and counts to .data/measurements/otel-checkout-trace.json.
 * Needs REDIS_URL (server and worker share events through it), like the multi-instance test.
 */
import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { startCluster, type Cluster } from "../multi-instance/cluster"
import { call, openShop, type Shop } from "../multi-instance/shop"
import { parsePrometheus, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../helpers/otlp-receiver"
import { eventually, KENYAN_ADDRESS } from "../helpers/store-checkout"
import { freePort } from "../../scripts/lib/ports"

jest.setTimeout(15 * 60_000)

const redisUrl = process.env.REDIS_URL
const describeWithRedis = redisUrl ? describe : describe.skip
if (!redisUrl) {
  console.warn("SKIPPED: the observability test needs REDIS_URL (CI sets it; e.g. REDIS_URL=redis://127.0.0.1:6379)")
}

const root = path.resolve(__dirname, "..", "..")
const PHONE = "0708374149" // the sandbox test number
const PHONE_FORMS = ["254708374149", "708374149"]
const CONSUMER_SECRET = `obs-consumer-${randomBytes(12).toString("hex")}`
// The sandbox's public passkey for 174379 (the simulator checks the STK password against it).
const PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
const REQUEST_ID = `obs-${randomBytes(8).toString("hex")}`

const count = (spans: ReceivedSpan[], test: (s: ReceivedSpan) => boolean) => spans.filter(test).length

async function scrape(port: number): Promise<Map<string, number>> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`)
  expect(res.status).toBe(200)
  return parsePrometheus(await res.text())
}

/** Sum of the samples named `name` whose labels include every `labels` pair. */
function sample(samples: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let total = 0
  for (const [key, value] of samples) {
    const [metric, rest = ""] = key.split("{")
    if (metric === name && Object.entries(labels).every(([k, v]) => rest.includes(`${k}="${v}"`))) {
      total += value
    }
  }
  return total
}

describeWithRedis("observability (OpenTelemetry traces, Prometheus metrics)", () => {
  let receiver: OtlpReceiver
  let cluster: Cluster
  let shop: Shop
  const metricsPorts = { server: 0, worker: 0 }
  let echoedRequestId: string | null = null

  beforeAll(async () => {
    receiver = await startOtlpReceiver()
    // The cluster takes basePort … basePort + 9; the metrics ports come right after, so that no
    // free port picked on its own can land inside the cluster's block (EADDRINUSE seen with two jest workers).
    const basePort = await freePort({ from: 20_000, to: 29_990 })
    metricsPorts.server = basePort + 10
    metricsPorts.worker = basePort + 11
    cluster = await startCluster({
      basePort,
      servers: 1,
      workers: 1,
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_SERVICE_NAME: "soko-observability-test",
        // Export batches often so the spans arrive soon (the batch size stays the SDK's).
        OTEL_BSP_SCHEDULE_DELAY: "200",
        MPESA_CONSUMER_KEY: "obs-consumer-key",
        MPESA_CONSUMER_SECRET: CONSUMER_SECRET,
        MPESA_SHORTCODE: "174379",
        MPESA_PASSKEY: PASSKEY,
        MPESA_INITIATOR_NAME: "sokoapi",
        MPESA_SECURITY_CREDENTIAL: "simulator-credential",
      },
      instanceEnv: (instance) => ({ SOKO_METRICS_PORT: String(metricsPorts[instance.mode]) }),
    })
    // Enough stock to sell (Medusa reads the raw_ column of its big numbers).
    await cluster.sql(`UPDATE inventory_level SET stocked_quantity = 1000000, raw_stocked_quantity = '{"value":"1000000","precision":20}'::jsonb`)
    shop = await openShop(cluster.servers, cluster.prepared, cluster.adminPassword)
    const [base] = cluster.servers

    // One M-Pesa checkout through the store API: cart → shipping → payment collection →
    // STK push (carrying our x-request-id) → order placed → the shopper approves on the phone.
    const tagged = (step: string) => ({ ...shop.store, "x-request-id": `${REQUEST_ID}-${step}` })
    const { cart } = await call(base, "POST", "/store/carts", {
      region_id: shop.kesRegionId,
      email: "observability@example.com",
      items: [{ variant_id: shop.variantIds[0], quantity: 1 }],
      shipping_address: KENYAN_ADDRESS,
      billing_address: KENYAN_ADDRESS,
    }, tagged("cart"))
    await call(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shop.shippingOptionId }, tagged("shipping"))
    const { payment_collection } = await call(base, "POST", "/store/payment-collections", { cart_id: cart.id }, tagged("collection"))
    const push = await fetch(`${base}/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": REQUEST_ID, ...shop.store },
      body: JSON.stringify({ provider_id: "pp_mpesa_mpesa", data: { phone: PHONE } }),
    })
    expect(push.status).toBe(200)
    echoedRequestId = push.headers.get("x-request-id")
    await call(base, "POST", `/store/carts/${cart.id}/complete`, {}, tagged("complete"))
    // The sandbox test number pays by itself (the simulator's phone script); approve it if it has not yet.
    const [prompt] = cluster.simulator.listTransactions()
    if (prompt.status === "pending") {
      cluster.simulator.approve(prompt.checkoutRequestId)
    }
    await eventually(async () => {
      const [paid] = await cluster.sql<{ n: string }>(
        `SELECT count(*) AS n FROM mpesa_stk_request WHERE status = 'paid' AND captured_at IS NOT NULL`
      )
      return Number(paid.n) === 1 ? true : undefined
    }, 300, 500)
    // Soko's three spans come from two processes; the batch processors send them shortly.
    await eventually(async () => {
      const names = new Set(receiver.spans.map((s) => s.name))
      return ["mpesa.push", "mpesa.callback.settle", "notification.send"].every((n) => names.has(n)) ? true : undefined
    }, 240, 500)
  })

  afterAll(async () => {
    await cluster?.stop()
    await receiver?.close()
  })

  it("exports HTTP, workflow, step, query and PostgreSQL spans and Soko's own, over OTLP/HTTP", () => {
    const spans = receiver.spans
    expect(receiver.rejected).toEqual([])
    expect(new Set(spans.map((s) => s.service))).toEqual(new Set(["soko-observability-test"]))
    // Medusa's HTTP layer: the request span (named by route) and the route handler span.
    expect(count(spans, (s) => s.name === "/store/payment-collections/:id/payment-sessions")).toBeGreaterThanOrEqual(1)
    expect(count(spans, (s) => s.name === "route handler: /store/carts/:id/complete")).toBe(1)
    expect(count(spans, (s) => s.name === "/hooks/daraja/stk/:token")).toBeGreaterThanOrEqual(1)
    expect(count(spans, (s) => s.name === "workflow:complete-cart")).toBeGreaterThanOrEqual(1)
    expect(count(spans, (s) => s.name.startsWith("step:"))).toBeGreaterThan(10)
    expect(count(spans, (s) => s.name.startsWith("query.graph:") || s.name.startsWith("remoteQuery:"))).toBeGreaterThan(0)
    expect(count(spans, (s) => s.scope.includes("instrumentation-pg"))).toBeGreaterThan(10)
    // Soko's: one push, its settle (on the worker), the order's messages.
    const pushSpans = spans.filter((s) => s.name === "mpesa.push")
    expect(pushSpans).toHaveLength(1)
    expect(pushSpans[0].attributes).toEqual(
      expect.objectContaining({ "soko.mpesa.result": "accepted", "soko.mpesa.checkout_ref": expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) })
    )
    const settles = spans.filter((s) => s.name === "mpesa.callback.settle")
    expect(settles.length).toBeGreaterThanOrEqual(1)
    expect(settles.at(-1)!.attributes).toEqual(
      expect.objectContaining({ "soko.mpesa.checkout_ref": pushSpans[0].attributes["soko.mpesa.checkout_ref"], "soko.mpesa.decision": "pay", "soko.mpesa.result_code": "0" })
    )
    const sends = spans.filter((s) => s.name === "notification.send")
    expect(sends.length).toBeGreaterThanOrEqual(1)
    expect(sends[0].attributes).toEqual(
      expect.objectContaining({ "soko.notification.channel": expect.any(String), "soko.notification.template": expect.any(String), "soko.notification.status": "sent" })
    )
    // The settle span sits inside Medusa's workflow spans: one trace, parent links intact.
    const settleTrace = spans.filter((s) => s.traceId === settles.at(-1)!.traceId)
    expect(settleTrace.some((s) => s.name === "workflow:settle-mpesa-stk-request" && s.parentSpanId === settles.at(-1)!.spanId)).toBe(true)
  })

  it("never exports the phone number or a secret, in any span name, attribute, event or status", () => {
    const forbidden = [...PHONE_FORMS, CONSUMER_SECRET, PASSKEY, cluster.callbackSecret, shop.admin.authorization.replace("Bearer ", "")]
    const leaks = receiver.spans.filter((s) => forbidden.some((f) => s.text.includes(f)))
    expect(leaks.map((s) => s.name)).toEqual([])
    // The headers Medusa copies onto its request span are there, scrubbed.
    const pushRequest = receiver.spans.find((s) => s.name === "/store/payment-collections/:id/payment-sessions")!
    expect(pushRequest.attributes["x-publishable-api-key"]).toBe("[redacted]")
    const hook = receiver.spans.find((s) => s.name === "/hooks/daraja/stk/:token")!
    expect(hook.attributes["http.url"]).toBe("/hooks/daraja/stk/[redacted]")
  })

  it("echoes the request id and stamps it on the spans that request started", () => {
    expect(echoedRequestId).toBe(REQUEST_ID)
    const stamped = receiver.spans.filter((s) => s.attributes["soko.request_id"] === REQUEST_ID)
    expect(stamped.map((s) => s.name)).toEqual(expect.arrayContaining(["mpesa.push"]))
    expect(stamped.some((s) => s.name.startsWith("step:"))).toBe(true)
    expect(stamped.some((s) => s.scope.includes("instrumentation-pg"))).toBe(true)
    // A forged id (not a plain token) is replaced, not trusted.
    return fetch(`${cluster.servers[0]}/store/regions`, { headers: { "x-request-id": "bad id\r", ...shop.store } }).then((res) => {
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    })
  })

  it("serves Prometheus metrics: latency per route, pushes, callbacks, orders, notifications", async () => {
    const server = await scrape(metricsPorts.server)
    expect(
      sample(server, "http_server_request_duration_count", { "http_route": "/store/payment-collections/:id/payment-sessions", "http_request_method": "POST" })
    ).toBeGreaterThanOrEqual(1)
    expect(sample(server, "soko_mpesa_pushes_total", { result: "accepted" })).toBe(1)
    expect(sample(server, "soko_mpesa_callbacks_total", { result_code: "0" })).toBe(1)
    const worker = await eventually(async () => {
      const w = await scrape(metricsPorts.worker)
      return sample(w, "soko_orders_placed_total") >= 1 && sample(w, "soko_notifications_sent_total", { status: "sent" }) >= 1 ? w : undefined
    }, 120, 500)
    expect(sample(worker, "soko_orders_placed_total")).toBe(1)
    // The reconcile job (every minute, on the worker) reports its backlog: nothing pending is left.
    const withBacklog = await eventually(async () => {
      const w = await scrape(metricsPorts.worker)
      return [...w.keys()].some((k) => k.startsWith("soko_mpesa_reconcile_backlog")) ? w : undefined
    }, 180, 1000)
    expect(sample(withBacklog, "soko_mpesa_reconcile_backlog")).toBe(0)
  })

  it("writes the checkout's trace summary (span names and counts)", () => {
    const nameOf = (s: ReceivedSpan) => (s.scope.includes("instrumentation-pg") ? s.name.split(" ")[0] : s.name)
    const tally = (spans: ReceivedSpan[]) => {
      const byName = new Map<string, number>()
      for (const s of spans) {
        byName.set(nameOf(s), (byName.get(nameOf(s)) ?? 0) + 1)
      }
      return Object.fromEntries([...byName].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    }
    // The checkout's traces: its store requests (tagged with our request id), the Daraja
    // callback, and the worker's settle and notification sends it set off.
    const checkoutTraces = new Set(
      receiver.spans
        .filter((s) => String(s.attributes["soko.request_id"] ?? "").startsWith(REQUEST_ID) || ["/hooks/daraja/stk/:token", "mpesa.callback.settle", "notification.send"].includes(s.name))
        .map((s) => s.traceId)
    )
    const spans = receiver.spans.filter((s) => checkoutTraces.has(s.traceId))
    const traces = [...checkoutTraces].map((traceId) => {
      const own = spans.filter((s) => s.traceId === traceId)
      const ids = new Set(own.map((s) => s.spanId))
      const root = own.find((s) => !s.parentSpanId || !ids.has(s.parentSpanId))
      return { root: root ? nameOf(root) : "?", spans: own.length }
    })
    const summary = {
      what: "One M-Pesa checkout on a server + worker (cart, shipping, payment collection, STK push, complete, Daraja callback → settle → capture, notifications), exported over OTLP/HTTP",
      checkout: {
        traces: traces.length,
        spans: spans.length,
        soko: Object.fromEntries(["mpesa.push", "mpesa.callback.settle", "notification.send"].map((n) => [n, spans.filter((s) => s.name === n).length])),
        traces_by_root: traces.sort((a, b) => b.spans - a.spans),
        by_name: tally(spans),
      },
      // Spans where the exporter scrubbed something (a credential header, the hook secret, a phone).
      scrubbed: {
        redacted: tally(receiver.spans.filter((s) => s.text.includes("[redacted]"))),
        phone: tally(receiver.spans.filter((s) => s.text.includes("[phone]"))),
      },
      whole_run: { spans: receiver.spans.length, traces: new Set(receiver.spans.map((s) => s.traceId)).size },
    }
    const file = path.join(root, ".data", "measurements", "otel-checkout-trace.json")
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(summary, null, 2) + "\n")
    console.log(`Sample trace of one M-Pesa checkout (${file}):\n${JSON.stringify(summary, null, 2)}`)
    expect(summary.checkout.soko["mpesa.push"]).toBe(1)
    expect(summary.checkout.traces_by_root.map((t) => t.root)).toEqual(
      expect.arrayContaining(["/store/carts/:id/complete", "/store/payment-collections/:id/payment-sessions", "/hooks/daraja/stk/:token"])
    )
  })
})
