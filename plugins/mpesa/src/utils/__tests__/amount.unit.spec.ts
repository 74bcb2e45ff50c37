import { BigNumber, MedusaError } from "@medusajs/framework/utils"
import { amountsMatch, exactAmount, toMpesaAmount } from "../amount"

describe("exactAmount", () => {
  it.each([
    ["1450", "1450"],
    ["1450.00", "1450"],
    ["1450.01", "1450.01"],
    ["0.5", "0.5"],
    [".5", "0.5"],
    ["5.", "5"],
    ["+7", "7"],
    ["-7.25", "-7.25"],
    ["-0.00", "0"],
    ["1e3", "1000"],
    ["1.5E1", "15"],
    ["1.55e1", "15.5"],
    ["15e-1", "1.5"],
    ["1e-7", "0.0000001"],
    [1e21, "1000000000000000000000"],
    [0.1, "0.1"],
    [new BigNumber("1450.0100000000000000001"), "1450.0100000000000000001"],
    [{ value: "1450.0100000000000000", precision: 20 }, "1450.01"],
  ])("%p is exactly %p", (input, expected) => {
    expect(exactAmount(input)?.toFixed()).toBe(expected)
  })

  it.each([[""], ["."], ["-"], ["e5"], ["1.2.3"], ["0x10"], ["1_000"], [" "], ["Infinity"], [true], [[1]], [{}], [{ value: "0x10" }], [null]])(
    "refuses %p",
    (input) => {
      expect(exactAmount(input)).toBeUndefined()
    }
  )
})

describe("toMpesaAmount", () => {
  it.each([
    [1450, 1450],
    [1450.01, 1451],
    ["1450.01", 1451],
    ["1450.00", 1450],
    ["99.5", 100],
    [" 99.5 ", 100],
    ["0.01", 1],
    [1, 1],
    [250000, 250000],
    ["250000.00", 250000],
    [249999.5, 250000],
    ["1.45e3", 1450],
    [new BigNumber(1450.01), 1451],
    [new BigNumber("99.5"), 100],
    [new BigNumber(1450), 1450],
    [{ value: "1450.0100000000000000", precision: 20 }, 1451],
    [{ value: 1450 }, 1450],
    [".5", 1],
    ["5.", 5],
    ["+7", 7],
    ["1.55e1", 16],
    ["15e-1", 2],
    ["1e-7", 1],
    [0.1, 1],
  ])("converts %p to KES %p", (input, expected) => {
    expect(toMpesaAmount(input, "kes")).toBe(expected)
  })

  it.each(["KES", "kes", " Kes "])("accepts currency code %p", (code) => {
    expect(toMpesaAmount(10, code)).toBe(10)
  })

  it.each([
    [0, "at least KES 1"],
    ["0.00", "at least KES 1"],
    [-5, "negative"],
    ["-0.5", "negative"],
    [250001, "M-Pesa accepts at most KES 250,000 per payment"],
    ["250000.01", "this payment is KES 250,001"],
    [1e21, "at most KES 250,000"],
    [Number.NaN, "numeric amount"],
    [Number.POSITIVE_INFINITY, "numeric amount"],
    ["abc", "numeric amount"],
    ["", "numeric amount"],
    ["12,50", "numeric amount"],
    ["-0.00", "at least KES 1"],
    ["0x10", "numeric amount"],
    ["Infinity", "numeric amount"],
    ["1".repeat(80), "numeric amount"],
    [null, "numeric amount"],
    [{}, "numeric amount"],
  ])("refuses %p (%s)", (input, message) => {
    expect(() => toMpesaAmount(input as never, "KES")).toThrow(message)
  })

  it("throws MedusaError INVALID_DATA", () => {
    expect.assertions(2)
    try {
      toMpesaAmount(0, "KES")
    } catch (e) {
      expect(e).toBeInstanceOf(MedusaError)
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    }
  })

  it.each([
    ["usd", "USD"],
    ["UGX", "UGX"],
    ["", "unknown currency"],
  ])("refuses currency %p naming %p", (code, named) => {
    expect(() => toMpesaAmount(100, code)).toThrow(named)
  })
})

describe("amountsMatch", () => {
  it.each([
    [1, 1, true],
    [1, 1.0, true],
    [1, "1.00", true],
    [1, "1", true],
    [1450, "1450.00", true],
    [1450, 1450, true],
    [1450, 1451, false],
    [1450, "1450.01", false],
    [1450, 1449.99, false],
    [1, "1.5", false],
    [1, "", false],
    [1, null, false],
    [1, undefined, false],
    [1, { value: 1 }, false],
    [1, "1; DROP TABLE", false],
    [1, -1, false],
    [0, 0, false],
    [1.5, 1.5, false],
  ])("expected %p vs callback %p → %p", (expected, received, result) => {
    expect(amountsMatch(expected, received)).toBe(result)
  })
})
