/**
 * Starts OpenTelemetry through Medusa's registerOtel (HTTP, workflow and step,
 * query and PostgreSQL spans) plus Soko's additions: spans are batched, scrubbed
 * (redacting-exporter.ts) and stamped with the request id; metrics go to a
 * Prometheus scrape endpoint and/or the collector. Loaded only by
 * instrumentation.ts when observability is on, so none of the SDK is even
 * required otherwise.
 */
import { registerOtel } from "@medusajs/medusa"
import { OTLPTraceExporter as OtlpJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { OTLPTraceExporter as OtlpProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto"
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http"
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus"
import { metrics as sdkMetrics } from "@medusajs/framework/opentelemetry/sdk-node"
import { BatchSpanProcessor, type SpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import type { ObservabilitySettings } from "./config"
import { secretsFromEnv } from "./redact"
import { RedactingSpanExporter } from "./redacting-exporter"
import { RequestIdSpanProcessor } from "./request-id-processor"

type Sdk = { shutdown: () => Promise<void> }

function metricReaders(settings: ObservabilitySettings): sdkMetrics.IMetricReader[] {
  const readers: sdkMetrics.IMetricReader[] = []
  if (settings.metricsPort !== undefined) {
    readers.push(new PrometheusExporter({ port: settings.metricsPort, host: settings.metricsHost }))
  }
  if (settings.otlpMetrics) {
    readers.push(new sdkMetrics.PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() }))
  }
  return readers
}

function spanProcessors(settings: ObservabilitySettings, env: NodeJS.ProcessEnv): SpanProcessor[] {
  if (!settings.tracesEndpoint) {
    return []
  }
  // The exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION themselves.
  const otlp = settings.protocol === "http/json" ? new OtlpJsonTraceExporter() : new OtlpProtoTraceExporter()
  // Batched (OTEL_BSP_* tune it): registerOtel's default exports each span as it ends, one request per span.
  return [new RequestIdSpanProcessor(), new BatchSpanProcessor(new RedactingSpanExporter(otlp, secretsFromEnv(env)))]
}

export function startObservability(settings: ObservabilitySettings, env: NodeJS.ProcessEnv = process.env): Sdk {
  const tracing = !!settings.tracesEndpoint
  return registerOtel({
    serviceName: settings.serviceName,
    instrument: { http: tracing, workflows: tracing, query: tracing, db: tracing },
    spanProcessors: spanProcessors(settings, env),
    metricReaders: metricReaders(settings),
    // Logs stay on stdout (JSON in production); nothing is shipped through OTLP logs.
    logRecordProcessors: [],
  }) as Sdk
}
