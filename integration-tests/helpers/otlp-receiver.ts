/**
 * An in-process OTLP/HTTP trace receiver for tests: accepts what an OTLP
 * exporter POSTs to /v1/traces with JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json)
 * and keeps every span, flattened, with its service name and attributes.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"

type OtlpValue = {
  stringValue?: string
  intValue?: string | number
  doubleValue?: number
  boolValue?: boolean
  arrayValue?: { values?: OtlpValue[] }
}
type OtlpAttribute = { key: string; value: OtlpValue }
type OtlpSpan = {
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  attributes?: OtlpAttribute[]
  events?: { name: string; attributes?: OtlpAttribute[] }[]
  status?: { code?: number; message?: string }
}
type ExportRequest = {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] }
    scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[]
  }[]
}

export type ReceivedSpan = {
  service: string
  scope: string
  name: string
  traceId: string
  spanId: string
  parentSpanId?: string
  attributes: Record<string, unknown>
  /** Everything the span carries as text (name, attributes, events, status), for leak checks. */
  text: string
}

function plain(value: OtlpValue): unknown {
  if (value.arrayValue) {
    return (value.arrayValue.values ?? []).map(plain)
  }
  return value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue
}

const toRecord = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map((a) => [a.key, plain(a.value)]))

export type OtlpReceiver = {
  url: string
  spans: ReceivedSpan[]
  /** Requests that were not OTLP/JSON traces (a wrong encoding shows up here). */
  rejected: string[]
  close: () => Promise<void>
}

export function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = []
  const rejected: string[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const type = String(req.headers["content-type"] ?? "")
      if (req.method !== "POST" || req.url !== "/v1/traces" || !type.includes("json")) {
        rejected.push(`${req.method} ${req.url} ${type}`)
        res.writeHead(415).end()
        return
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportRequest
      for (const rs of body.resourceSpans ?? []) {
        const service = String(toRecord(rs.resource?.attributes)["service.name"] ?? "")
        for (const ss of rs.scopeSpans ?? []) {
          for (const span of ss.spans ?? []) {
            const attributes = toRecord(span.attributes)
            spans.push({
              service,
              scope: ss.scope?.name ?? "",
              name: span.name,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              attributes,
              text: JSON.stringify([span.name, span.attributes, span.events, span.status]),
            })
          }
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}`,
        spans,
        rejected,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections?.()
            server.close(() => done())
          }),
      })
    })
  })
}

/** Prometheus text → the value of each sample, keyed by its line's name{labels}. */
export function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) {
      continue
    }
    const at = line.lastIndexOf(" ")
    samples.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return samples
}
