import type { core } from "@medusajs/framework/opentelemetry/sdk-node"
import type { ReadableSpan, SpanExporter } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { redactAttributes, redactText, type Attributes } from "./redact"

/**
 * Wraps the real exporter: every span, its events and links go out with
 * credentials and phone numbers scrubbed (redact.ts). The SDK's span objects
 * are left alone; each exported span is a read-only view over one.
 */
export class RedactingSpanExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly secrets: readonly string[]
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: core.ExportResult) => void): void {
    this.inner.export(
      spans.map((span) => this.redact(span)),
      resultCallback
    )
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown()
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve()
  }

  private redact(span: ReadableSpan): ReadableSpan {
    const attrs = (a: ReadableSpan["attributes"]) => redactAttributes(a as Attributes, this.secrets) as ReadableSpan["attributes"]
    return {
      name: redactText(span.name, this.secrets),
      kind: span.kind,
      spanContext: () => span.spanContext(),
      parentSpanContext: span.parentSpanContext,
      startTime: span.startTime,
      endTime: span.endTime,
      status: span.status.message ? { ...span.status, message: redactText(span.status.message, this.secrets) } : span.status,
      attributes: attrs(span.attributes),
      links: span.links.map((link) => ({ ...link, attributes: link.attributes && attrs(link.attributes) })),
      events: span.events.map((event) => ({ ...event, attributes: event.attributes && attrs(event.attributes) })),
      duration: span.duration,
      ended: span.ended,
      resource: span.resource,
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    }
  }
}
