import { kes, maskMsisdn, stkCallback } from "../callbacks/bodies"
import { DEFAULT_CLI_PORT, parseCliArgs } from "../cli-args"
import { checkoutRequestId, newMerchantRequestId, newReceiptNumber, newRequestId } from "../ids"
import { pickSettings } from "../options"
import { darajaDisplayTime, darajaTimestamp } from "../time"

// 2024-07-06T19:15:46.123Z is 22:15:46 in Nairobi.
const AT = Date.UTC(2024, 6, 6, 19, 15, 46, 123)

describe("time and ids", () => {
  it("formats in EAT whatever the host zone", () => {
    expect(darajaTimestamp(AT)).toBe("20240706221546")
    expect(darajaDisplayTime(AT)).toBe("06.07.2024 22:15:46")
    expect(darajaTimestamp(Date.UTC(2024, 11, 31, 22, 0, 0))).toBe("20250101010000")
  })

  it("builds CheckoutRequestIDs from EAT time and the MSISDN's last 9 digits", () => {
    expect(checkoutRequestId(AT, "254708374149")).toBe("ws_CO_06072024221546123708374149")
  })

  it.each([
    [newRequestId, /^\d{5}-\d{8}-1$/],
    [newMerchantRequestId, /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\d{7}$/],
    [newReceiptNumber, /^[A-Z][A-Z0-9]{9}$/],
  ])("generates ids of the right shape (%#)", (make, pattern) => {
    for (let i = 0; i < 50; i++) {
      expect(make()).toMatch(pattern)
    }
  })
})

describe("callback bodies", () => {
  it("writes the success Amount with two decimals and keeps the parsed body numeric", () => {
    const { body, payload } = stkCallback({
      merchantRequestId: "m",
      checkoutRequestId: "c",
      resultCode: 0,
      resultDesc: "ok",
      paid: { amount: 10, receipt: "NLJ7RT61SV", transactionDate: "20240706221546", phoneNumber: "254708374149" },
    })
    expect(payload).toContain('"Value":10.00')
    expect(JSON.parse(payload)).toEqual(body)
  })

  it("omits CallbackMetadata on failure", () => {
    const { body } = stkCallback({ merchantRequestId: "m", checkoutRequestId: "c", resultCode: 1032, resultDesc: "x" })
    expect(body).toEqual({ Body: { stkCallback: { MerchantRequestID: "m", CheckoutRequestID: "c", ResultCode: 1032, ResultDesc: "x" } } })
  })

  it.each([
    ["254708374126", "2547 ***** 126"],
    ["254110000999", "2541 ***** 999"],
  ])("masks %s", (msisdn, masked) => {
    expect(maskMsisdn(msisdn)).toBe(masked)
  })

  it("writes KES with two decimals", () => {
    expect(kes(10)).toBe("10.00")
  })
})

describe("pickSettings", () => {
  it("keeps only known settings of the right type", () => {
    expect(pickSettings({ autoApprove: "yes", callbackDelayMs: -1, pin: "0000", promptTimeoutMs: 5, x: 1 })).toEqual({
      pin: "0000",
      promptTimeoutMs: 5,
    })
    expect(pickSettings(null)).toEqual({})
  })
})

describe("parseCliArgs", () => {
  it.each([
    [[], { port: DEFAULT_CLI_PORT }],
    [["--port", "0"], { port: 0 }],
    [["--port=9000", "--host", "0.0.0.0"], { port: 9000, host: "0.0.0.0" }],
    [["--callback-delay", "0", "--auto-approve"], { port: DEFAULT_CLI_PORT, callbackDelayMs: 0, autoApprove: true }],
    [["--auto-approve", "--no-auto-approve"], { port: DEFAULT_CLI_PORT, autoApprove: false }],
    [["--token-ttl", "5", "--revoke-old-tokens", "--prompt-timeout", "1000"], { port: DEFAULT_CLI_PORT, tokenTtlSeconds: 5, revokeOldTokens: true, promptTimeoutMs: 1000 }],
  ])("%j", (argv, options) => {
    expect(parseCliArgs(argv).options).toEqual(options)
  })

  it("recognises --help and --quiet", () => {
    expect(parseCliArgs(["--help", "--quiet"])).toMatchObject({ help: true, quiet: true })
  })

  it.each([
    [["--port"], /needs a value/],
    [["--port", "abc"], /non-negative integer/],
    [["--callback-delay", "-1"], /non-negative integer/],
    [["--nope"], /unknown option/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message)
  })
})
