import { MAX_BACKOFF_MS, nextCheckDelayMs } from "../reconcile-backoff"

describe("nextCheckDelayMs", () => {
  it.each([
    [0, 0],
    [-1, 0],
    [1.5, 0],
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [6, 1_920_000],
    [7, MAX_BACKOFF_MS],
    [50, MAX_BACKOFF_MS],
    [Number.MAX_SAFE_INTEGER, MAX_BACKOFF_MS],
  ])("%p failures in a row → %p ms", (failures, delay) => {
    expect(nextCheckDelayMs(failures)).toBe(delay)
  })
})
