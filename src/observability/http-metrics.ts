import { metrics, type Histogram } from "@medusajs/framework/opentelemetry/api"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * HTTP latency per route, as the OTel semantic convention names it
 * (http.server.request.duration, seconds; Prometheus:
 * http_server_request_duration_seconds). Recorded here and not by
 * @opentelemetry/instrumentation-http because `medusa start` creates its HTTP
 * server before instrumentation.ts runs, so that instrumentation never sees it
 * (and knows no Express route). Without a registered meter provider this is a no-op.
 */
let histogram: Histogram | undefined

function requestDuration(): Histogram {
  histogram ??= metrics.getMeter("soko").createHistogram("http.server.request.duration", {
    description: "Duration of HTTP server requests, by route",
    unit: "s",
    advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
  })
  return histogram
}

/** The matched route pattern (never the raw URL, which holds ids and secrets). */
export function routeOf(req: { baseUrl?: string; route?: { path?: unknown } }): string {
  const path = req.route?.path
  return typeof path === "string" ? `${req.baseUrl ?? ""}${path}` : "unmatched"
}

export function httpMetrics(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const started = process.hrtime.bigint()
  res.once("finish", () => {
    requestDuration().record(Number(process.hrtime.bigint() - started) / 1e9, {
      "http.request.method": req.method,
      "http.route": routeOf(req as unknown as { baseUrl?: string; route?: { path?: unknown } }),
      "http.response.status_code": res.statusCode,
    })
  })
  next()
}
