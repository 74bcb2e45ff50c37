/**
 * Medusa's instrumentation hook: `medusa start` (and `medusa develop`) call
 * register() before the app loads. Observability is off unless
 * OTEL_EXPORTER_OTLP_ENDPOINT or SOKO_METRICS_PORT is set; off, the
 * OpenTelemetry SDK is never required and the @opentelemetry/api calls in Soko's
 * code are no-ops. See README "Observability".
 */
import { readObservabilityEnv } from "./src/observability/config"

export function register() {
  const settings = readObservabilityEnv(process.env)
  if (!settings.enabled) {
    return
  }
  const { startObservability } = require("./src/observability/sdk") as typeof import("./src/observability/sdk")
  startObservability(settings)
}
