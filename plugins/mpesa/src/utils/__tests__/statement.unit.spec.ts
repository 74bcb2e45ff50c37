import { dailyTotals, isMoneyIn, nairobiDay, nairobiRange, refundSummary } from "../statement"

describe("nairobiDay", () => {
  it.each([
    ["2026-12-04T20:59:59Z", "2026-12-04"],
    ["2026-12-04T21:00:00Z", "2026-12-05"],
    ["2026-12-05T00:30:00+03:00", "2026-12-05"],
    ["2026-12-31T21:00:00Z", "2027-01-01"],
  ])("%s is %s in Nairobi", (iso, day) => {
    expect(nairobiDay(new Date(iso))).toBe(day)
  })

  it("a range covers whole Nairobi days", () => {
    expect(nairobiRange("2026-12-04", "2026-12-05")).toEqual({
      start: new Date("2026-12-03T21:00:00Z"),
      end: new Date("2026-12-05T21:00:00Z"),
    })
  })
})

describe("isMoneyIn", () => {
  it.each<[string, string | null, boolean]>([
    ["paid", null, true],
    ["refunded", "second_payment", true],
    ["review", "second_payment", true],
    ["review", "paid_after_session_closed", true],
    ["review", "paid_after_cancelled", true],
    ["review", "amount_mismatch", true],
    ["review", "query_disagrees", false],
    ["review", "unresolved", false],
    ["pending", null, false],
    ["failed", null, false],
    ["cancelled", null, false],
    ["expired", null, false],
  ])("%s (%s) → %s", (status, flag, expected) => {
    expect(isMoneyIn({ status, flag })).toBe(expected)
  })
})

describe("dailyTotals", () => {
  const at = (iso: string) => new Date(iso)
  const days = dailyTotals(
    "2026-12-04",
    "2026-12-06",
    [
      { status: "paid", flag: null, amount_kes: 1750, at: at("2026-12-04T08:00:00Z") },
      // 22:30 UTC on the 4th is already the 5th in Nairobi.
      { status: "paid", flag: null, amount_kes: 500, at: at("2026-12-04T22:30:00Z") },
      { status: "review", flag: "second_payment", amount_kes: 500, at: at("2026-12-05T09:00:00Z") },
      { status: "review", flag: "query_disagrees", amount_kes: 900, at: at("2026-12-05T09:00:00Z") },
      { status: "cancelled", flag: null, amount_kes: 300, at: at("2026-12-05T09:00:00Z") },
      // Outside the range.
      { status: "paid", flag: null, amount_kes: 7, at: at("2026-12-07T09:00:00Z") },
    ],
    [
      { status: "paid_out", amount_kes: 100, at: at("2026-12-04T09:00:00Z") },
      { status: "reversed", amount_kes: 500, at: at("2026-12-05T10:00:00Z") },
      { status: "unknown", amount_kes: 1650, at: at("2026-12-05T11:00:00Z") },
      { status: "failed", amount_kes: 1650, at: at("2026-12-05T11:00:00Z") },
    ]
  )

  it("lists every day of the range, empty ones with zeros", () => {
    expect(days.map((d) => d.date)).toEqual(["2026-12-04", "2026-12-05", "2026-12-06"])
    expect(days[2]).toEqual(expect.objectContaining({ in_kes: 0, out_kes: 0, pending_out_kes: 0, net_kes: 0 }))
  })

  it("counts money in, settled money out, open refunds and unconfirmed money separately", () => {
    expect(days[0]).toEqual({
      date: "2026-12-04",
      in_kes: 1750,
      in_count: 1,
      out_kes: 100,
      out_count: 1,
      pending_out_kes: 0,
      unconfirmed_kes: 0,
      net_kes: 1650,
    })
    expect(days[1]).toEqual({
      date: "2026-12-05",
      in_kes: 1000,
      in_count: 2,
      out_kes: 500,
      out_count: 1,
      pending_out_kes: 1650,
      unconfirmed_kes: 900,
      net_kes: 500,
    })
  })
})

describe("refundSummary", () => {
  it.each<[string, Parameters<typeof refundSummary>[1], { refunded_kes: number; pending_kes: number; refundable_kes: number }]>([
    ["nothing refunded", [], { refunded_kes: 0, pending_kes: 0, refundable_kes: 1750 }],
    ["a payout settled", [{ status: "paid_out", method: "b2c", amount_kes: 100 }], { refunded_kes: 100, pending_kes: 0, refundable_kes: 1650 }],
    ["a reversal settled", [{ status: "reversed", method: "reversal", amount_kes: 1750 }], { refunded_kes: 1750, pending_kes: 0, refundable_kes: 0 }],
    ["a refund open blocks the next", [{ status: "unknown", method: "reversal", amount_kes: 1750 }], { refunded_kes: 0, pending_kes: 1750, refundable_kes: 0 }],
    ["a failed refund counts for nothing", [{ status: "failed", method: "reversal", amount_kes: 1750 }], { refunded_kes: 0, pending_kes: 0, refundable_kes: 1750 }],
    [
      "payouts add up",
      [
        { status: "paid_out", method: "b2c", amount_kes: 100 },
        { status: "paid_out", method: "b2c", amount_kes: 1650 },
      ],
      { refunded_kes: 1750, pending_kes: 0, refundable_kes: 0 },
    ],
  ])("%s", (_name, refunds, expected) => {
    expect(refundSummary(1750, refunds)).toEqual(expected)
  })
})
