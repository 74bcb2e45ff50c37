import fs from "node:fs"

/**
 * What a test step reports. Every runner here writes a machine-readable report
 * (jest and vitest `--json`, Playwright's JSON reporter); the counts come from
 * those files, never from reading a runner's console output.
 */
export type Counts = { passed: number; failed: number; skipped: number }
export type Failure = { name: string; message: string }
export type StepReport = Counts & { failures: Failure[] }

type JestLike = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests?: number
  numRuntimeErrorTestSuites?: number
  testResults?: Array<{
    name: string
    message?: string
    status?: string
    assertionResults?: Array<{ fullName?: string; title: string; status: string; failureMessages?: string[] }>
  }>
}

const firstLines = (text: string, lines = 12) => text.split("\n").slice(0, lines).join("\n")

/** jest's `--json --outputFile` (vitest's json reporter writes the same shape). */
export function readJestReport(file: string): StepReport {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as JestLike
  const failures: Failure[] = []
  for (const suite of report.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed")
    for (const test of failedTests) {
      failures.push({ name: test.fullName ?? test.title, message: firstLines(test.failureMessages?.join("\n") ?? "") })
    }
    // A suite that failed to load has no failed assertions, only a message.
    if (!failedTests.length && suite.status === "failed" && suite.message) {
      failures.push({ name: suite.name, message: firstLines(suite.message) })
    }
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
    failures,
  }
}

type PlaywrightSuite = {
  title: string
  specs?: Array<{
    title: string
    tests: Array<{ status: string; results: Array<{ error?: { message?: string } }> }>
  }>
  suites?: PlaywrightSuite[]
}

/** Playwright's JSON reporter (PLAYWRIGHT_JSON_OUTPUT_NAME). */
export function readPlaywrightReport(file: string): StepReport {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; skipped: number; flaky: number }
    suites?: PlaywrightSuite[]
    errors?: Array<{ message?: string }>
  }
  const failures: Failure[] = []
  const walk = (suite: PlaywrightSuite, trail: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests.filter((t) => t.status === "unexpected" || t.status === "flaky")) {
        const error = test.results.find((r) => r.error)?.error?.message ?? ""
        failures.push({ name: [...trail, spec.title].join(" › "), message: firstLines(error) })
      }
    }
    for (const child of suite.suites ?? []) {
      walk(child, [...trail, child.title])
    }
  }
  for (const suite of report.suites ?? []) {
    walk(suite, [suite.title])
  }
  for (const error of report.errors ?? []) {
    failures.push({ name: "global setup", message: firstLines(error.message ?? "") })
  }
  return {
    passed: report.stats.expected,
    // Retries are off, so "flaky" cannot happen; count it as failed if it ever does.
    failed: report.stats.unexpected + report.stats.flaky + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
    failures,
  }
}

/** Line coverage from jest's `json-summary` reporter, as "81.2 % of 12,345 lines". */
export function readCoverageSummary(file: string): string | undefined {
  if (!fs.existsSync(file)) {
    return undefined
  }
  const { total } = JSON.parse(fs.readFileSync(file, "utf8")) as {
    total: Record<"lines" | "branches" | "functions", { total: number; covered: number; pct: number }>
  }
  const pct = (k: "lines" | "branches" | "functions") => `${total[k].pct.toFixed(1)} % ${k}`
  return `${pct("lines")} (${total.lines.covered.toLocaleString("en")} of ${total.lines.total.toLocaleString("en")}), ${pct("branches")}, ${pct("functions")}`
}
