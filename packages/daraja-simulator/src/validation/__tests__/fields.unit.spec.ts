import { readFileSync } from "fs"
import { join } from "path"
import * as f from "../fields"
import { c2bUrlProblem } from "../c2b"
import { stkPassword } from "../password"

describe("timestamp", () => {
  it.each([
    ["20240706221546", "20240706221546"],
    [20240706221546, "20240706221546"],
    ["20240229000000", "20240229000000"],
    ["20230229000000", undefined],
    ["20241301000000", undefined],
    ["20240101240000", undefined],
    ["20240101236000", undefined],
    ["2024-07-06 22:15", undefined],
    ["202407062215461", undefined],
    ["", undefined],
    [null, undefined],
  ])("%p -> %p", (input, expected) => {
    expect(f.timestamp(input)).toBe(expected)
  })
})

describe("amount", () => {
  it.each([
    [1, 1],
    ["10", 10],
    [" 10 ", 10],
    [250000, 250000],
    [0, undefined],
    [-5, undefined],
    [250001, undefined],
    [1.5, undefined],
    ["1.00", undefined],
    ["1e3", undefined],
    [Number.NaN, undefined],
    [true, undefined],
    [undefined, undefined],
  ])("%p -> %p", (input, expected) => {
    expect(f.amount(input)).toBe(expected)
  })
})

// One table for every consumer of Kenyan phone numbers (see its "about"): Daraja takes 2547…/2541… only.
const { cases } = JSON.parse(readFileSync(join(__dirname, "../../../../../test-fixtures/kenyan-phones.json"), "utf8")) as {
  cases: { input?: unknown; simulator: string | null }[]
}

describe("msisdn", () => {
  it.each(cases.map((c) => [c.input, c.simulator] as const))("%p -> %p", (input, expected) => {
    expect(f.msisdn(input)).toBe(expected ?? undefined)
  })
})

describe("shortcode, URLs and text", () => {
  it.each([
    [f.shortcode("174379"), "174379"],
    [f.shortcode(174379), "174379"],
    [f.shortcode("1234"), undefined],
    [f.shortcode("17437a"), undefined],
    [f.httpUrl("https://shop.example/cb?token=1"), "https://shop.example/cb?token=1"],
    [f.httpUrl("http://127.0.0.1:9000/x"), "http://127.0.0.1:9000/x"],
    [f.httpUrl("ftp://x.y"), undefined],
    [f.httpUrl("shop.example/cb"), undefined],
    [f.text("abc", 1, 3), "abc"],
    [f.text("abcd", 1, 3), undefined],
    [f.text(12, 1, 3), "12"],
    [f.optionalText(undefined, 3), null],
    [f.optionalText(null, 3), null],
    [f.optionalText("abcd", 3), undefined],
    [f.oneOf("CustomerPayBillOnline ", ["CustomerPayBillOnline"]), "CustomerPayBillOnline"],
    [f.oneOf("customerpaybillonline", ["CustomerPayBillOnline"]), undefined],
  ])("case %#", (actual, expected) => {
    expect(actual).toBe(expected)
  })
})

describe("stkPassword", () => {
  it("is base64(shortcode + passkey + timestamp)", () => {
    expect(stkPassword("174379", "passkey", "20240101000000")).toBe(
      Buffer.from("174379passkey20240101000000").toString("base64")
    )
  })
})

describe("c2bUrlProblem", () => {
  it.each([
    ["https://shop.example/c2b/confirm", undefined],
    ["https://shop.example/MPESA/confirm", "URL has the word MPESA"],
    ["https://shop.example/m-pesa", "URL has the word M-PESA"],
    ["https://safaricom.shop.example/x", "URL has the word SAFARICOM"],
    ["https://shop.example/run.exe", "URL has the word EXE"],
    ["https://shop.example/cmd", "URL has the word CMD"],
    ["https://shop.example/x?query=1", "URL has the word QUERY"],
    ["https://shop.example/mysql", "URL has the word SQL"],
    ["https://abcd.ngrok-free.app/x", "URL host ngrok is not allowed"],
    ["https://mockbin.org/bin/x", "URL host mockbin is not allowed"],
  ])("%s -> %p", (url, expected) => {
    expect(c2bUrlProblem(url)).toBe(expected)
  })
})
