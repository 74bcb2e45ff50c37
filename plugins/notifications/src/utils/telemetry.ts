import { metrics, SpanStatusCode, trace, type Attributes, type Counter } from "@medusajs/framework/opentelemetry/api"

/**
 * The plugin's spans and metrics through the OpenTelemetry API Medusa ships
 * (@medusajs/framework/opentelemetry/api): no-ops unless the app registered an
 * SDK. Attributes name the channel, template, attempt and outcome, never the
 * recipient (a phone number or an email address) or the message text.
 */
const tracer = () => trace.getTracer("@soko/medusa-plugin-notifications")

/** Runs `fn` in a span named `name`; an error marks the span failed and is rethrown. */
export async function withSpan<T>(name: string, attributes: Attributes, fn: (setAttributes: (a: Attributes) => void) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn((a) => span.setAttributes(a))
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message })
      throw error
    } finally {
      span.end()
    }
  })
}

let sends: Counter | undefined

/** soko.notifications.sent{channel,status}; created on first use, after the app registered its meter provider. */
export function notificationSends(): Counter {
  sends ??= metrics
    .getMeter("@soko/medusa-plugin-notifications")
    .createCounter("soko.notifications.sent", { description: "Notification delivery attempts, by channel and outcome (sent, retrying, failed, superseded)" })
  return sends
}
