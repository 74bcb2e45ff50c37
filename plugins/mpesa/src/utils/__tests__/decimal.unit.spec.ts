import { parseDecimal } from "../decimal"

describe("parseDecimal", () => {
  it.each([
    ["1450", false, "1450", false],
    ["1450.00", false, "1450", false],
    ["1450.01", false, "1450", true],
    ["0.5", false, "0", true],
    [".5", false, "0", true],
    ["5.", false, "5", false],
    ["+7", false, "7", false],
    ["-7.25", true, "7", true],
    ["-0.00", false, "0", false],
    ["1e3", false, "1000", false],
    ["1.5E1", false, "15", false],
    ["1.55e1", false, "15", true],
    ["15e-1", false, "1", true],
    ["1e-7", false, "0", true],
    [1e21, false, "1000000000000000000000", false],
    [0.1, false, "0", true],
  ])("%p", (input, negative, whole, hasFraction) => {
    expect(parseDecimal(input)).toEqual({ negative, whole: BigInt(whole), hasFraction })
  })

  it.each([[""], ["."], ["-"], ["e5"], ["1.2.3"], ["0x10"], ["1_000"], [" "], [true], [[1]]])(
    "refuses %p",
    (input) => {
      expect(parseDecimal(input)).toBeUndefined()
    }
  )
})
