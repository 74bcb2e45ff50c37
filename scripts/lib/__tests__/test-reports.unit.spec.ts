import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { readCoverageSummary, readJestReport, readPlaywrightReport } from "../test-reports"

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soko-test-reports-"))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: unknown) {
  const target = path.join(dir, name)
  fs.writeFileSync(target, JSON.stringify(content))
  return target
}

describe("readJestReport", () => {
  it.each([
    {
      case: "all green",
      report: { numPassedTests: 3, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1, testResults: [] },
      expected: { passed: 3, failed: 0, skipped: 2, failures: [] },
    },
    {
      case: "a failed test, named with its message",
      report: {
        numPassedTests: 1,
        numFailedTests: 1,
        numPendingTests: 0,
        testResults: [
          {
            name: "/a.spec.ts",
            status: "failed",
            assertionResults: [
              { title: "works", fullName: "thing works", status: "passed" },
              { title: "fails", fullName: "thing fails", status: "failed", failureMessages: ["Error: expected 1\n  at line"] },
            ],
          },
        ],
      },
      expected: { passed: 1, failed: 1, skipped: 0, failures: [{ name: "thing fails", message: "Error: expected 1\n  at line" }] },
    },
    {
      case: "a suite that did not load counts as a failure",
      report: {
        numPassedTests: 0,
        numFailedTests: 0,
        numPendingTests: 0,
        numRuntimeErrorTestSuites: 1,
        testResults: [{ name: "/b.spec.ts", status: "failed", message: "Cannot find module 'x'", assertionResults: [] }],
      },
      expected: { passed: 0, failed: 1, skipped: 0, failures: [{ name: "/b.spec.ts", message: "Cannot find module 'x'" }] },
    },
  ])("$case", ({ report, expected }) => {
    expect(readJestReport(file("jest.json", report))).toEqual(expected)
  })
})

describe("readPlaywrightReport", () => {
  it.each([
    {
      case: "passed and skipped",
      report: { stats: { expected: 4, unexpected: 0, skipped: 1, flaky: 0 }, suites: [] },
      expected: { passed: 4, failed: 0, skipped: 1, failures: [] },
    },
    {
      case: "a failed journey, with its suite path and error",
      report: {
        stats: { expected: 1, unexpected: 1, skipped: 0, flaky: 0 },
        suites: [
          {
            title: "checkout.spec.ts",
            suites: [
              {
                title: "M-Pesa",
                specs: [{ title: "pays", tests: [{ status: "unexpected", results: [{ error: { message: "Timed out" } }] }] }],
              },
            ],
          },
        ],
      },
      expected: { passed: 1, failed: 1, skipped: 0, failures: [{ name: "checkout.spec.ts › M-Pesa › pays", message: "Timed out" }] },
    },
    {
      case: "a global setup error fails the run",
      report: { stats: { expected: 0, unexpected: 0, skipped: 0, flaky: 0 }, suites: [], errors: [{ message: "stack did not start" }] },
      expected: { passed: 0, failed: 1, skipped: 0, failures: [{ name: "global setup", message: "stack did not start" }] },
    },
  ])("$case", ({ report, expected }) => {
    expect(readPlaywrightReport(file("playwright.json", report))).toEqual(expected)
  })
})

describe("readCoverageSummary", () => {
  it("reads lines, branches and functions from jest's json-summary", () => {
    const summary = file("coverage-summary.json", {
      total: {
        lines: { total: 12345, covered: 10000, pct: 81.0 },
        branches: { total: 10, covered: 7, pct: 70 },
        functions: { total: 4, covered: 3, pct: 75 },
      },
    })
    expect(readCoverageSummary(summary)).toBe("81.0 % lines (10,000 of 12,345), 70.0 % branches, 75.0 % functions")
  })

  it("is undefined when coverage was not collected", () => {
    expect(readCoverageSummary(path.join(dir, "missing.json"))).toBeUndefined()
  })
})
