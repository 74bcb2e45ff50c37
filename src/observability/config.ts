/**
 * Soko's reading of the observability environment. Pure: env in, settings
 * out, or a SokoConfigError naming the variable. Everything is off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT (traces) or SOKO_METRICS_PORT (Prometheus
 * scrape endpoint) is set; then instrumentation.ts loads the SDK.
 */
import { nonEmpty, readPort, SokoConfigError, type Env } from "../config/read"

export type ObservabilitySettings = {
  /** True when there is anything to export; false means the SDK is never loaded. */
  enabled: boolean
  /** OTEL_SERVICE_NAME, default "soko". */
  serviceName: string
  /** OTLP/HTTP base URL (the exporter appends /v1/traces unless a signal-specific URL is set). */
  tracesEndpoint?: string
  /** Port of the Prometheus scrape endpoint (GET /metrics). */
  metricsPort?: number
  /** Interface it listens on; default all interfaces. */
  metricsHost?: string
  /** OTEL_METRICS_EXPORTER lists "otlp": metrics are also pushed to the collector. */
  otlpMetrics: boolean
  /** OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf (the OTel default) or http/json. */
  protocol: "http/protobuf" | "http/json"
}

function readHttpUrl(env: Env, name: string): string | undefined {
  const raw = nonEmpty(env, name)
  if (raw === undefined) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SokoConfigError(name, `is not a URL; expected the collector's OTLP/HTTP address, e.g. http://localhost:4318 (got "${raw}")`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SokoConfigError(
      name,
      `must be an http:// or https:// OTLP/HTTP address, e.g. http://localhost:4318 (got "${url.protocol}"); Soko exports over HTTP, not gRPC`
    )
  }
  return raw
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/
const METRICS_EXPORTERS = ["otlp", "prometheus", "console", "none"]

export function readObservabilityEnv(env: Env): ObservabilitySettings {
  const tracesEndpoint = readHttpUrl(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? readHttpUrl(env, "OTEL_EXPORTER_OTLP_ENDPOINT")
  const metricsPort = nonEmpty(env, "SOKO_METRICS_PORT") === undefined ? undefined : readPort(env, "SOKO_METRICS_PORT", 0)
  const metricsHost = nonEmpty(env, "SOKO_METRICS_HOST")
  if (metricsHost !== undefined && metricsPort === undefined) {
    throw new SokoConfigError("SOKO_METRICS_HOST", "only applies with SOKO_METRICS_PORT: set the port too, or unset the host")
  }
  const serviceName = nonEmpty(env, "OTEL_SERVICE_NAME") ?? "soko"
  if (!SERVICE_NAME.test(serviceName)) {
    throw new SokoConfigError(
      "OTEL_SERVICE_NAME",
      `must be letters, digits, ".", "_" or "-" (up to 100), e.g. soko-api (got "${serviceName}")`
    )
  }
  const metricsExporters = (nonEmpty(env, "OTEL_METRICS_EXPORTER") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
  const unknown = metricsExporters.find((e) => !METRICS_EXPORTERS.includes(e))
  if (unknown) {
    throw new SokoConfigError("OTEL_METRICS_EXPORTER", `must list ${METRICS_EXPORTERS.join(", ")} (got "${unknown}")`)
  }
  const otlpMetrics = metricsExporters.includes("otlp")
  if (otlpMetrics && !tracesEndpoint && !nonEmpty(env, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")) {
    throw new SokoConfigError("OTEL_METRICS_EXPORTER", "is otlp but no collector is set: set OTEL_EXPORTER_OTLP_ENDPOINT")
  }
  const protocol = (nonEmpty(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") ?? nonEmpty(env, "OTEL_EXPORTER_OTLP_PROTOCOL") ?? "http/protobuf").toLowerCase()
  if (protocol !== "http/protobuf" && protocol !== "http/json") {
    throw new SokoConfigError(
      env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL",
      `must be http/protobuf or http/json (got "${protocol}"); point Soko at the collector's OTLP/HTTP port (4318), not gRPC`
    )
  }
  return {
    protocol,
    enabled: tracesEndpoint !== undefined || metricsPort !== undefined,
    serviceName,
    tracesEndpoint,
    metricsPort,
    metricsHost,
    otlpMetrics,
  }
}
