import { pullDate, pullRecordToInput } from "../c2b-pull"

const record = (patch: Record<string, unknown> = {}) => ({
  transactionId: "RKTQDM7W6S",
  trxDate: "2026-03-10T09:00:00Z",
  msisdn: "2547 ***** 126",
  sender: "UTILITY",
  transactiontype: "c2b-pay-bill-debit",
  billreference: "1042",
  amount: "150.0",
  organizationname: "Soko",
  ...patch,
})

describe("pullRecordToInput", () => {
  it("reads a paybill record", () => {
    expect(pullRecordToInput(record(), "600984")).toEqual({
      trans_id: "RKTQDM7W6S",
      kind: "paybill",
      shortcode: "600984",
      account_ref_raw: "1042",
      account_ref: "1042",
      account_ref_kind: "display_id",
      amount_raw: "150.0",
      amount_kes: 150,
      msisdn_masked: "2547***126",
      first_name: null,
      trans_time: new Date("2026-03-10T09:00:00Z"),
    })
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown> | null]>([
    ["a till record", { transactiontype: "c2b-buy-goods-debit", billreference: "" }, { kind: "till", account_ref: null }],
    ["a fractional amount", { amount: "150.5" }, { amount_kes: null, amount_raw: "150.5" }],
    ["a bad date", { trxDate: "yesterday" }, { trans_time: null }],
    ["not a payment in", { transactiontype: "b2c-payment" }, null],
    ["no TransID", { transactionId: "" }, null],
  ])("%s", (_name, patch, expected) => {
    const input = pullRecordToInput(record(patch), "600984")
    if (expected === null) {
      expect(input).toBeNull()
    } else {
      expect(input).toMatchObject(expected)
    }
  })

  it("refuses what is not a record", () => {
    expect(pullRecordToInput("RKTQDM7W6S", "600984")).toBeNull()
    expect(pullRecordToInput(null, "600984")).toBeNull()
  })
})

describe("pullDate", () => {
  it("writes EAT wall-clock time", () => {
    expect(pullDate(new Date("2026-03-10T21:05:09Z"))).toBe("2026-03-11 00:05:09")
  })
})
