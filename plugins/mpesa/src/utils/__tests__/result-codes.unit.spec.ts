import { interpretStkResult, normalizeResultCode, StkOutcome } from "../result-codes"

describe("interpretStkResult", () => {
  it.each<[unknown, string, StkOutcome, boolean]>([
    [0, "0", "paid", false],
    ["0", "0", "paid", false],
    [" 0 ", "0", "paid", false],
    [1, "1", "failed", true],
    ["1", "1", "failed", true],
    [2, "2", "failed", false],
    [3, "3", "failed", false],
    [4, "4", "failed", false],
    [8, "8", "failed", false],
    [17, "17", "failed", true],
    [1001, "1001", "failed", true],
    [1019, "1019", "expired", true],
    [1025, "1025", "failed", true],
    [1032, "1032", "cancelled", true],
    ["1032", "1032", "cancelled", true],
    [1037, "1037", "expired", true],
    ["1037", "1037", "expired", true],
    [1101, "1101", "failed", false],
    [2001, "2001", "failed", true],
    [2028, "2028", "failed", false],
    [8006, "8006", "failed", false],
    [9999, "9999", "failed", true],
    ["SFC_IC0003", "SFC_IC0003", "failed", false],
    ["sfc_ic0003", "SFC_IC0003", "failed", false],
    ["500.001.1001", "500.001.1001", "pending", false],
  ])("%p → %p %p (retryable %p)", (input, code, outcome, retryable) => {
    const result = interpretStkResult(input)
    expect(result).toMatchObject({ code, outcome, retryable, known: true })
    expect(result.reason.length).toBeGreaterThan(3)
    expect(result.shopperMessage).toMatch(/[.!]$/)
  })

  it.each([
    [17, 120],
    [1001, 60],
  ])("%p asks to wait %p s", (code, seconds) => {
    expect(interpretStkResult(code).retryAfterSeconds).toBe(seconds)
  })

  it("tells the shopper what to do after cancelling", () => {
    expect(interpretStkResult(1032).shopperMessage).toBe(
      "You cancelled the M-Pesa prompt. Tap Pay again to get a new prompt."
    )
  })

  it.each([
    [2028, "tillNumber"],
    ["SFC_IC0003", "transactionType"],
  ])("points the merchant at configuration for %p", (code, hint) => {
    expect(interpretStkResult(code).reason).toContain(hint)
  })

  it.each<[unknown, string]>([
    [4242, "4242"],
    ["R000002", "R000002"],
    [-1, "invalid"],
    [1.5, "invalid"],
    [null, "invalid"],
    [undefined, "invalid"],
    ["<script>", "invalid"],
    ["", "invalid"],
  ])("unknown code %p is a failure flagged as unknown", (input, code) => {
    const result = interpretStkResult(input, "Something odd")
    expect(result).toMatchObject({ code, outcome: "failed", known: false, retryable: true })
    expect(result.reason).toContain("Something odd")
  })

  it("never calls an unknown code paid", () => {
    expect(interpretStkResult("00x").outcome).not.toBe("paid")
  })
})

describe("normalizeResultCode", () => {
  it.each<[unknown, string | undefined]>([
    [0, "0"],
    ["00", "0"],
    ["1032", "1032"],
    ["SFC_IC0003", "SFC_IC0003"],
    ["x".repeat(40), undefined],
    [{}, undefined],
    [Number.NaN, undefined],
  ])("%p → %p", (input, expected) => {
    expect(normalizeResultCode(input)).toBe(expected)
  })
})
