import type { Context } from "@medusajs/framework/opentelemetry/api"
import type { Span, SpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { REQUEST_ID_ATTRIBUTE, requestIdFrom } from "./request-id"

/** Stamps the request id (request-id.ts) on every span started while a request is handled. */
export class RequestIdSpanProcessor implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const id = requestIdFrom(parentContext)
    if (id) {
      span.setAttribute(REQUEST_ID_ATTRIBUTE, id)
    }
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve()
  }

  shutdown(): Promise<void> {
    return Promise.resolve()
  }
}
