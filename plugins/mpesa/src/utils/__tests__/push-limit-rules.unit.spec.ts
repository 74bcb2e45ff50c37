import { pushLimitMessage, retryAfterSeconds, waitInWords } from "../push-limit-rules"

describe("push limit rules", () => {
  it.each([
    [0, 1],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [3_599_999, 3600],
  ])("retryAfterSeconds(%p ms) = %p", (ms, seconds) => {
    expect(retryAfterSeconds(ms)).toBe(seconds)
  })

  it.each([
    [1, "about 1 minute"],
    [60, "about 1 minute"],
    [61, "2 minutes"],
    [3600, "60 minutes"],
  ])("waitInWords(%p) = %p", (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words)
  })

  it.each([
    ["phone", /sent to this phone in the last hour \(limit 5\)\. Please try again in 12 minutes\./],
    ["cart", /requested for this order in the last hour \(limit 5\)/],
    ["client", /requested from your network in the last hour \(limit 5\)/],
  ] as const)("%s message says what and how long", (kind, message) => {
    expect(pushLimitMessage(kind, 5, 700)).toMatch(message)
    expect(pushLimitMessage(kind, 5, 700)).toMatch(/^Too many M-Pesa prompts/)
  })
})
