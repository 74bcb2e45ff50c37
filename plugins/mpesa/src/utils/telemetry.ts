import { metrics, SpanStatusCode, trace, type Attributes, type Counter, type Gauge } from "@medusajs/framework/opentelemetry/api"

/**
 * The plugin's spans and metrics, through the OpenTelemetry API that Medusa
 * already ships (@medusajs/framework/opentelemetry/api): no-ops unless the app
 * registered an SDK (Soko's instrumentation.ts does when
 * OTEL_EXPORTER_OTLP_ENDPOINT or SOKO_METRICS_PORT is set). Attributes never
 * hold a phone number, a CheckoutRequestID (it ends with the phone's digits)
 * or a secret: use checkout_ref (the HMAC ref) and result codes.
 */
const tracer = () => trace.getTracer("@soko/medusa-plugin-mpesa")

/** Runs `fn` in a span named `name`; an error marks the span failed and is rethrown. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (setAttributes: (a: Attributes) => void) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn((a) => span.setAttributes(a))
    } catch (error) {
      span.recordException({ name: (error as Error).name ?? "Error", message: (error as Error).message ?? String(error) })
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message })
      throw error
    } finally {
      span.end()
    }
  })
}

type Instruments = { pushes: Counter; callbacks: Counter; backlog: Gauge }
let instruments: Instruments | undefined

/** Created on first use, after the app had its chance to register a meter provider. */
export function mpesaMetrics(): Instruments {
  if (!instruments) {
    const meter = metrics.getMeter("@soko/medusa-plugin-mpesa")
    instruments = {
      pushes: meter.createCounter("soko.mpesa.pushes", { description: "STK pushes sent to Daraja, by result (accepted, or why not)" }),
      callbacks: meter.createCounter("soko.mpesa.callbacks", { description: "STK callbacks received from Daraja, by ResultCode" }),
      backlog: meter.createGauge("soko.mpesa.reconcile_backlog", {
        description: "Pending STK prompts older than the reconcile threshold (MPESA_RECONCILE_AFTER_SECONDS), as of the last reconcile run",
      }),
    }
  }
  return instruments
}
