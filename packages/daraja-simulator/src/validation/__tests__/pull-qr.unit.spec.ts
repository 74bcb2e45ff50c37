import { integer, kenyanMobile } from "../fields"
import { pullDate, validatePullQuery } from "../pull"
import { validateQrGenerate } from "../qr"

describe("pullDate (EAT wall-clock → epoch ms)", () => {
  it.each([
    ["2026-03-10 12:00:00", Date.UTC(2026, 2, 10, 9, 0, 0)],
    ["2026-03-10 8:36:00", Date.UTC(2026, 2, 10, 5, 36, 0)],
    ["2026-01-01 00:00:00", Date.UTC(2025, 11, 31, 21, 0, 0)],
    [" 2024-02-29 23:59:59 ", Date.UTC(2024, 1, 29, 20, 59, 59)],
    ["2026-02-29 10:00:00", undefined],
    ["2026-03-10 24:00:00", undefined],
    ["2026-03-10 12:60:00", undefined],
    ["2026-03-10T12:00:00", undefined],
    ["2026-03-10", undefined],
    [20260310120000, undefined],
  ])("%j → %s", (value, expected) => {
    expect(pullDate(value)).toBe(expected)
  })
})

describe("validatePullQuery", () => {
  const body = { ShortCode: "600984", StartDate: "2026-03-10 08:00:00", EndDate: "2026-03-10 08:00:00", OffSetValue: 0 }
  it("accepts a one-second window and a numeric offset", () => {
    expect(validatePullQuery(body)).toEqual({
      ok: true,
      value: { shortCode: "600984", start: Date.UTC(2026, 2, 10, 5), end: Date.UTC(2026, 2, 10, 5), offset: 0 },
    })
  })
  it.each([
    [{ ShortCode: undefined }, "ShortCode"],
    [{ StartDate: "yesterday" }, "StartDate"],
    [{ EndDate: "2026-03-10 07:59:59" }, "EndDate"],
    [{ OffSetValue: undefined }, "OffSetValue"],
  ])("names the first bad field for %j", (patch, field) => {
    expect(validatePullQuery({ ...body, ...patch })).toEqual({ ok: false, field })
  })
})

describe("validateQrGenerate", () => {
  const body = { MerchantName: "Soko", RefNo: "INV-1", Amount: "10", TrxCode: "BG", CPI: 174380, Size: "300" }
  it("normalises numbers and numeric strings", () => {
    expect(validateQrGenerate(body)).toEqual({
      ok: true,
      value: { merchantName: "Soko", refNo: "INV-1", amount: 10, trxCode: "BG", cpi: "174380", size: 300 },
    })
  })
  it.each([
    [{ Size: 99 }, "Size"],
    [{ Size: 1001 }, "Size"],
    [{ TrxCode: "SM", CPI: "254700" }, "CPI"],
    [{ MerchantName: "x".repeat(51) }, "MerchantName"],
  ])("refuses %j", (patch, field) => {
    expect(validateQrGenerate({ ...body, ...patch })).toEqual({ ok: false, field })
  })
})

describe("kenyanMobile and integer", () => {
  it.each([
    ["0712345678", "254712345678"],
    ["0112345678", "254112345678"],
    ["+254 712-345-678", "254712345678"],
    ["712345678", "254712345678"],
    [254712345678, "254712345678"],
    ["0202345678", undefined],
    ["07123456789", undefined],
    [null, undefined],
  ])("kenyanMobile(%j) → %s", (value, expected) => {
    expect(kenyanMobile(value)).toBe(expected)
  })
  it.each([
    ["7", 7],
    [" 7 ", 7],
    [0, 0],
    ["-1", undefined],
    ["1.0", undefined],
    [11, undefined],
    [true, undefined],
  ])("integer(%j, 0, 10) → %s", (value, expected) => {
    expect(integer(value, 0, 10)).toBe(expected)
  })
})
