import { parseQrPayload, qrPayload } from "../../qr/payload"
import { c2bTransactionBody, validationVerdict } from "../body"
import { PAY_MESSAGES, readPayInput } from "../pay-input"

describe("validationVerdict", () => {
  it.each([
    [200, '{"ResultCode":"0","ResultDesc":"Accepted"}', { accepted: true }],
    [200, '{"ResultCode":0}', { accepted: true }],
    [201, '{"ResultCode":"0"}', { accepted: true }],
    [200, '{"ResultCode":"C2B00011","ResultDesc":"Invalid MSISDN"}', { accepted: false, resultCode: "C2B00011" }],
    [200, '{"ResultCode":"C2B00016"}', { accepted: false, resultCode: "C2B00016" }],
    [200, '{"ResultCode":"C2B00010"}', undefined],
    [200, '{"ResultCode":"C2B00017"}', undefined],
    [200, '{"ResultCode":"1"}', undefined],
    [200, "{}", undefined],
    [200, "Accepted", undefined],
    [500, '{"ResultCode":"0"}', undefined],
    [302, '{"ResultCode":"C2B00012"}', undefined],
  ])("HTTP %i %s → %j", (status, body, verdict) => {
    expect(validationVerdict(status, body)).toEqual(verdict)
  })
})

describe("c2bTransactionBody", () => {
  it("writes amounts with two decimals, masks the phone and leaves the till's account empty", () => {
    const body = c2bTransactionBody(
      {
        transId: "RKTQDM7W6S",
        transactionType: "Buy Goods",
        businessShortCode: "174380",
        billRefNumber: "",
        amount: 1,
        msisdn: "254708374149",
        firstName: "Wanjiru",
        channel: "till",
        at: Date.UTC(2026, 0, 31, 21, 30, 5), // 2026-02-01 00:30:05 EAT
        status: "completed",
        confirmationCopies: 0,
      },
      "1.00"
    )
    expect(body).toEqual({
      TransactionType: "Buy Goods",
      TransID: "RKTQDM7W6S",
      TransTime: "20260201003005",
      TransAmount: "1.00",
      BusinessShortCode: "174380",
      BillRefNumber: "",
      InvoiceNumber: "",
      OrgAccountBalance: "1.00",
      ThirdPartyTransID: "",
      MSISDN: "2547 ***** 149",
      FirstName: "Wanjiru",
      MiddleName: "",
      LastName: "",
    })
  })
})

describe("readPayInput", () => {
  const paybill = { channel: "paybill" as const, businessNumber: "600984", accountNumber: "INV-1", amount: 10 }

  it.each([
    [{ ...paybill }, { transactionType: "Pay Bill", businessShortCode: "600984", billRefNumber: "INV-1", amount: 10, msisdn: "254708374149" }],
    [{ ...paybill, amount: " 250000 ", phone: "+254 712 345 678" }, { amount: 250_000, msisdn: "254712345678" }],
    [{ ...paybill, businessNumber: 600984 as unknown as string, phone: "712345678" }, { businessShortCode: "600984", msisdn: "254712345678" }],
    [{ channel: "till" as const, tillNumber: "174380", amount: "5", accountNumber: "ignored" }, { transactionType: "Buy Goods", billRefNumber: "", channel: "till" }],
    [
      { channel: "qr" as const, qrCode: qrPayload({ trxCode: "BG", cpi: "174380", refNo: "till ref", amount: 30, merchantName: "Duka" }) },
      { transactionType: "Buy Goods", businessShortCode: "174380", billRefNumber: "", amount: 30, channel: "qr" },
    ],
  ])("reads %j", (input, expected) => {
    const read = readPayInput(input)
    expect(read).toEqual({ ok: true, request: expect.objectContaining(expected) })
  })

  it.each([
    [{ ...paybill, channel: "PAYBILL" }, PAY_MESSAGES.channel],
    [{ ...paybill, businessNumber: "123456789" }, PAY_MESSAGES.businessNumber],
    [{ ...paybill, accountNumber: "x".repeat(21) }, PAY_MESSAGES.accountNumber],
    [{ ...paybill, accountNumber: { toString: (): string => "x" } }, PAY_MESSAGES.accountNumber],
    [{ ...paybill, amount: "1e3" }, PAY_MESSAGES.amount],
    [{ ...paybill, amount: -5 }, PAY_MESSAGES.amount],
    [{ ...paybill, amount: undefined }, PAY_MESSAGES.amount],
    [{ ...paybill, phone: "0202345678" }, PAY_MESSAGES.phone],
    [{ ...paybill, firstName: "" }, PAY_MESSAGES.firstName],
    [{ channel: "till", amount: 5 }, PAY_MESSAGES.tillNumber],
    [{ channel: "qr", qrCode: 42 }, "This is not a QR code made by this simulator"],
  ])("refuses %j", (input, message) => {
    const read = readPayInput(input as never)
    expect(read.ok).toBe(false)
    expect(read.ok ? "" : read.error).toContain(message)
  })
})

describe("QR payload", () => {
  it("round-trips every field, whatever the characters", () => {
    const fields = { trxCode: "PB" as const, cpi: "600984", refNo: "A&B=C #1", amount: 250_000, merchantName: "Mama's Duka / Nairobi" }
    expect(parseQrPayload(qrPayload(fields))).toEqual({ ok: true, fields })
    expect(parseQrPayload(`  ${qrPayload(fields)}\n`)).toEqual({ ok: true, fields })
  })

  it.each([
    ["", /not a QR code made by this simulator/],
    ["DARAJA-SIM-QR/2?TrxCode=PB", /not a QR code made by this simulator/],
    ["DARAJA-SIM-QR/1?TrxCode=XX&CPI=1&Amount=1", /unknown TrxCode "XX"/],
    ["DARAJA-SIM-QR/1?TrxCode=PB&CPI=600984&Amount=1.5", /damaged/],
    ["DARAJA-SIM-QR/1?TrxCode=PB&Amount=1", /damaged/],
  ])("refuses %j", (text, message) => {
    const read = parseQrPayload(text)
    expect(read.ok ? "" : read.error).toMatch(message)
  })
})
