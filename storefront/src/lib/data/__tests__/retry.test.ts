import { describe, expect, it, vi } from "vitest"
import { isRetryable, withRetry } from "../retry"

const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })
const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } })
const http = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status })

describe("isRetryable", () => {
  it.each([
    [refused, false, true],
    [refused, true, true],
    [reset, true, true],
    [reset, false, false],
    [http(503), true, true],
    [http(503), false, false],
    [http(500), true, false],
    [http(400), true, false],
    [new Error("boom"), true, false],
  ])("%s idempotent=%s → %s", (error, idempotent, expected) => {
    expect(isRetryable(error, idempotent)).toBe(expected)
  })
})

describe("withRetry", () => {
  const sleep = vi.fn(async () => undefined)

  it("sends again while the backend restarts, then returns its answer", async () => {
    const run = vi.fn().mockRejectedValueOnce(refused).mockRejectedValueOnce(refused).mockResolvedValue("ok")
    await expect(withRetry(run, { idempotent: false, sleep })).resolves.toBe("ok")
    expect(run).toHaveBeenCalledTimes(3)
  })

  it("never repeats a write that may have reached the backend", async () => {
    const run = vi.fn().mockRejectedValue(reset)
    await expect(withRetry(run, { idempotent: false, sleep })).rejects.toBe(reset)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it("gives up when the time budget is spent", async () => {
    const run = vi.fn().mockRejectedValue(refused)
    await expect(withRetry(run, { idempotent: true, budgetMs: 1000, sleep })).rejects.toBe(refused)
    expect(run.mock.calls.length).toBeGreaterThan(1)
    expect(run.mock.calls.length).toBeLessThan(6)
  })
})
