import { context } from "@medusajs/framework/opentelemetry/api"
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { RedactingSpanExporter } from "../redacting-exporter"
import { RequestIdSpanProcessor } from "../request-id-processor"
import { REQUEST_ID_KEY } from "../request-id"

// Real SDK tracer and span objects; only the exporter at the end is in memory.
function tracerWith(secrets: string[]) {
  const memory = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({
    spanProcessors: [new RequestIdSpanProcessor(), new SimpleSpanProcessor(new RedactingSpanExporter(memory, secrets))],
  })
  return { tracer: provider.getTracer("test"), memory }
}

describe("RedactingSpanExporter", () => {
  it("exports spans with names, attributes, events and status scrubbed, and keeps their identity and timing", () => {
    const { tracer, memory } = tracerWith(["passkey-value-123"])
    const span = tracer.startSpan("POST /hooks/daraja/stk/passkey-value-123", {
      attributes: { authorization: "Bearer abc", "soko.phone": "0708374149", "http.status_code": 200 },
    })
    span.addEvent("exception", { "exception.message": "push to 254708374149 failed with passkey-value-123" })
    span.setStatus({ code: 2, message: "callback from 708374149" })
    span.end()

    const [exported] = memory.getFinishedSpans()
    expect(exported.name).toBe("POST /hooks/daraja/stk/[redacted]")
    expect(exported.attributes).toEqual({ authorization: "[redacted]", "soko.phone": "[phone]", "http.status_code": 200 })
    expect(exported.events[0].attributes).toEqual({ "exception.message": "push to [phone] failed with [redacted]" })
    expect(exported.status).toEqual({ code: 2, message: "callback from [phone]" })
    expect(exported.spanContext().spanId).toBe(span.spanContext().spanId)
    expect(exported.endTime).toEqual((span as unknown as { endTime: unknown }).endTime)
    expect(exported.duration).toEqual((span as unknown as { duration: unknown }).duration)
  })

  it("stamps the request id from the context on spans started inside it, and only those", () => {
    const { tracer, memory } = tracerWith([])
    // No context manager is registered here, so the request's context is passed explicitly.
    tracer.startSpan("inside", {}, context.active().setValue(REQUEST_ID_KEY, "req-12345678")).end()
    tracer.startSpan("outside").end()
    const byName = Object.fromEntries(memory.getFinishedSpans().map((s) => [s.name, s.attributes["soko.request_id"]]))
    expect(byName).toEqual({ inside: "req-12345678", outside: undefined })
  })
})
