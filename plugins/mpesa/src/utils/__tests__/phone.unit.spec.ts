import { readFileSync } from "fs"
import { join } from "path"
import { normalizeKenyanPhone } from "../phone"

// One table for every consumer of Kenyan phone numbers (see its "about").
type Expected = string | { refused: string }
const { cases } = JSON.parse(readFileSync(join(__dirname, "../../../../../test-fixtures/kenyan-phones.json"), "utf8")) as {
  cases: { input?: unknown; mpesa: Expected }[]
}

describe("normalizeKenyanPhone", () => {
  it.each(cases.map((c) => [c.input, c.mpesa] as const))("%p → %j", (input, expected) => {
    const result = normalizeKenyanPhone(input)
    expect(result).toEqual(typeof expected === "string" ? { ok: true, msisdn: expected } : { ok: false, reason: expected.refused })
  })

  it("has the cases M-Pesa must accept and refuse", () => {
    const accepted = cases.filter((c) => typeof c.mpesa === "string").length
    expect(accepted).toBeGreaterThanOrEqual(9)
    expect(cases.length - accepted).toBeGreaterThanOrEqual(15)
  })
})
