import { SokoConfigError } from "../../config/env"
import { readObservabilityEnv } from "../config"

describe("readObservabilityEnv", () => {
  it("is off, and loads nothing, when neither a collector nor a metrics port is set", () => {
    expect(readObservabilityEnv({})).toEqual(
      expect.objectContaining({ enabled: false, serviceName: "soko", tracesEndpoint: undefined, metricsPort: undefined })
    )
  })

  const on: [string, Record<string, string>, Record<string, unknown>][] = [
    ["traces to a collector", { OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4318" }, { enabled: true, tracesEndpoint: "http://localhost:4318", protocol: "http/protobuf" }],
    ["a traces-only endpoint", { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://api.honeycomb.io/v1/traces" }, { enabled: true, tracesEndpoint: "https://api.honeycomb.io/v1/traces" }],
    ["metrics only", { SOKO_METRICS_PORT: "9464" }, { enabled: true, tracesEndpoint: undefined, metricsPort: 9464 }],
    ["metrics on one interface", { SOKO_METRICS_PORT: "9464", SOKO_METRICS_HOST: "127.0.0.1" }, { metricsHost: "127.0.0.1" }],
    ["a service name", { OTEL_SERVICE_NAME: "soko-worker", SOKO_METRICS_PORT: "9464" }, { serviceName: "soko-worker" }],
    ["JSON encoding", { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" }, { protocol: "http/json" }],
    ["metrics pushed to the collector", { OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_METRICS_EXPORTER: "otlp" }, { otlpMetrics: true }],
  ]
  it.each(on)("reads %s", (_label, env, expected) => {
    expect(readObservabilityEnv(env)).toEqual(expect.objectContaining(expected))
  })

  const refused: [Record<string, string>, string, RegExp][] = [
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "localhost:4318" }, "OTEL_EXPORTER_OTLP_ENDPOINT", /http:\/\/ or https:\/\//],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" }, "OTEL_EXPORTER_OTLP_ENDPOINT", /not a URL/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "grpc://c:4317" }, "OTEL_EXPORTER_OTLP_ENDPOINT", /not gRPC/],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "ftp://c" }, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", /http/],
    [{ SOKO_METRICS_PORT: "metrics" }, "SOKO_METRICS_PORT", /port number/],
    [{ SOKO_METRICS_PORT: "70000" }, "SOKO_METRICS_PORT", /port number/],
    [{ SOKO_METRICS_HOST: "0.0.0.0" }, "SOKO_METRICS_HOST", /SOKO_METRICS_PORT/],
    [{ OTEL_SERVICE_NAME: "my shop!" }, "OTEL_SERVICE_NAME", /letters, digits/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "OTEL_EXPORTER_OTLP_PROTOCOL", /http\/protobuf or http\/json/],
    [{ OTEL_METRICS_EXPORTER: "statsd" }, "OTEL_METRICS_EXPORTER", /otlp, prometheus/],
    [{ OTEL_METRICS_EXPORTER: "otlp" }, "OTEL_METRICS_EXPORTER", /OTEL_EXPORTER_OTLP_ENDPOINT/],
  ]
  it.each(refused)("refuses %j naming %s", (env, variable, message) => {
    let error: unknown
    try {
      readObservabilityEnv(env)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SokoConfigError)
    expect((error as SokoConfigError).variable).toBe(variable)
    expect((error as Error).message).toMatch(message)
  })
})
