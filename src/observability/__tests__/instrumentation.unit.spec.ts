import { spawnSync } from "node:child_process"
import path from "node:path"

const root = path.resolve(__dirname, "..", "..", "..")

/** Runs instrumentation.ts's register() in a fresh Node process and reports which SDK modules got loaded. */
function registerIn(env: Record<string, string>) {
  const script = `
    require("./instrumentation").register()
    const loaded = Object.keys(require.cache)
    console.log(JSON.stringify({
      sdk: loaded.some((f) => f.includes("@opentelemetry/sdk-node")),
      prometheus: loaded.some((f) => f.includes("@opentelemetry/exporter-prometheus")),
    }))
    process.exit(0)
  `
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("OTEL_") && !k.startsWith("SOKO_METRICS_")))
  const result = spawnSync(process.execPath, ["-r", "ts-node/register", "-e", script], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: "utf8",
  })
  if (result.status !== 0) {
    throw new Error(result.stderr)
  }
  return JSON.parse(result.stdout.trim().split("\n").pop()!)
}

describe("instrumentation.ts", () => {
  // The "on" side (SDK, exporters, Prometheus endpoint) is integration-tests/observability/observability.spec.ts.
  it("loads no OpenTelemetry SDK when neither OTEL_EXPORTER_OTLP_ENDPOINT nor SOKO_METRICS_PORT is set", () => {
    expect(registerIn({})).toEqual({ sdk: false, prometheus: false })
  })

  it("stops with the variable's name when a value is malformed", () => {
    expect(() => registerIn({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:\/\/ or https:\/\//)
  })
})
