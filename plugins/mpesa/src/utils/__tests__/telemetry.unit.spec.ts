import { SpanStatusCode, trace } from "@medusajs/framework/opentelemetry/api"
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { withSpan } from "../telemetry"

const memory = new InMemorySpanExporter()
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] }))

describe("withSpan", () => {
  beforeEach(() => memory.reset())

  it("records a span with the attributes given at the start and on the way, and returns the result", async () => {
    const result = await withSpan("mpesa.push", { "soko.mpesa.amount_kes": 10 }, async (set) => {
      set({ "soko.mpesa.result": "accepted" })
      return 42
    })
    expect(result).toBe(42)
    const [span] = memory.getFinishedSpans()
    expect(span.name).toBe("mpesa.push")
    expect(span.attributes).toEqual({ "soko.mpesa.amount_kes": 10, "soko.mpesa.result": "accepted" })
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
  })

  it("marks the span failed, records the exception and rethrows", async () => {
    await expect(withSpan("mpesa.push", {}, async () => Promise.reject(new Error("Daraja said no")))).rejects.toThrow("Daraja said no")
    const [span] = memory.getFinishedSpans()
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "Daraja said no" })
    expect(span.events.map((e) => e.name)).toEqual(["exception"])
  })
})
