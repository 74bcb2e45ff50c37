import { validateMpesaOptions } from "../options"

const base = {
  consumerKey: "key",
  consumerSecret: "secret",
  shortcode: "174379",
  passkey: "passkey",
  callbackUrl: "https://shop.example.co.ke",
}

describe("validateMpesaOptions: C2B", () => {
  it("leaves C2B off when c2bShortcode is not set (env variables unset arrive blank)", () => {
    expect(validateMpesaOptions(base)).not.toHaveProperty("c2b")
    expect(validateMpesaOptions({ ...base, c2bShortcode: "", c2bType: "", c2bValidation: "" })).not.toHaveProperty("c2b")
  })

  it("applies defaults", () => {
    expect(validateMpesaOptions({ ...base, c2bShortcode: "600984" }).c2b).toEqual({
      shortcode: "600984",
      type: "paybill",
      accountFormat: "both",
      validation: false,
      pullTransactions: false,
      pullWindowHours: 24,
      tillWindowMinutes: 60,
    })
  })

  it("reads every option, from env strings too", () => {
    expect(
      validateMpesaOptions({
        ...base,
        c2bShortcode: 600984,
        c2bType: "paybill",
        c2bAccountFormat: "short_code",
        c2bValidation: "true",
        c2bPullTransactions: "1",
        c2bPullNominatedNumber: "0712 345 678",
        c2bPullWindowHours: "48",
        c2bTillWindowMinutes: " 90 ",
      } as never).c2b
    ).toEqual({
      shortcode: "600984",
      type: "paybill",
      accountFormat: "short_code",
      validation: true,
      pullTransactions: true,
      pullNominatedNumber: "254712345678",
      pullWindowHours: 48,
      tillWindowMinutes: 90,
    })
    expect(validateMpesaOptions({ ...base, c2bShortcode: "5123456", c2bType: "till", c2bValidation: "off" }).c2b).toMatchObject({
      type: "till",
      validation: false,
    })
  })

  it.each<[Record<string, unknown>, string]>([
    [{ c2bShortcode: "12" }, "Option `c2bShortcode` must be 5 to 8 digits"],
    [{ c2bShortcode: "60098a" }, "Option `c2bShortcode` must be 5 to 8 digits"],
    [{ c2bShortcode: "600984", c2bType: "buygoods" }, 'Option `c2bType` must be "paybill" or "till"'],
    [{ c2bShortcode: "600984", c2bAccountFormat: "phone" }, "Option `c2bAccountFormat` must be one of display_id, short_code, both"],
    [{ c2bShortcode: "600984", c2bValidation: "maybe" }, "Option `c2bValidation` must be true or false"],
    [{ c2bShortcode: "600984", c2bPullTransactions: 2 }, "Option `c2bPullTransactions` must be true or false"],
    [{ c2bShortcode: "600984", c2bPullTransactions: true }, "Option `c2bPullNominatedNumber` is required when c2bPullTransactions is on"],
    [{ c2bShortcode: "600984", c2bPullTransactions: true, c2bPullNominatedNumber: "020 2345678" }, "Option `c2bPullNominatedNumber` must be a Kenyan mobile number"],
    [{ c2bShortcode: "600984", c2bPullTransactions: true, c2bPullNominatedNumber: { n: 1 } }, "Option `c2bPullNominatedNumber` must be a Kenyan mobile number"],
    [{ c2bShortcode: "600984", c2bPullNominatedNumber: "0712345678" }, "Option `c2bPullNominatedNumber` applies only when c2bPullTransactions is on"],
    [{ c2bShortcode: "600984", c2bPullWindowHours: "49" }, "Option `c2bPullWindowHours` must be a whole number from 1 to 48"],
    [{ c2bShortcode: "600984", c2bPullWindowHours: 1.5 }, "Option `c2bPullWindowHours` must be a whole number from 1 to 48"],
    [{ c2bShortcode: "600984", c2bTillWindowMinutes: "4" }, "Option `c2bTillWindowMinutes` must be a whole number from 5 to 1440"],
    [{ c2bType: "till" }, "Option `c2bShortcode` is required when c2bType is set"],
    [{ c2bValidation: true, c2bPullTransactions: "true" }, "Option `c2bShortcode` is required when c2bValidation, c2bPullTransactions are set"],
    [{ c2bShortcode: "600984", c2bPullTransactions: true, c2bPullNominatedNumber: "0712 999 888x" }, "e.g. 0712 345 678"],
    [{ c2bShortcode: "600984", c2bType: "till", c2bAccountFormat: "both" }, "Option `c2bAccountFormat` applies to paybills only"],
  ])("refuses %p naming the option", (patch, message) => {
    expect(() => validateMpesaOptions({ ...base, ...patch })).toThrow(message)
  })

  it("never repeats the nominated number in its error (start-up errors reach logs)", () => {
    expect(() => validateMpesaOptions({ ...base, c2bShortcode: "600984", c2bPullTransactions: true, c2bPullNominatedNumber: "0202345678" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("0202345678") })
    )
  })

  it.each([
    ["Soko Shop", "Soko Shop"],
    ["  Mama's Duka & Co.  ", "Mama's Duka & Co."],
  ])("takes c2bMerchantName %j for the payment QR code", (input, expected) => {
    expect(validateMpesaOptions({ ...base, c2bShortcode: "600984", c2bMerchantName: input }).c2b?.merchantName).toBe(expected)
  })

  it.each([
    ["x".repeat(51), /at most 50 characters/],
    ["Soko <script>", /may only contain letters/],
  ])("refuses c2bMerchantName %j at start-up", (input, message) => {
    expect(() => validateMpesaOptions({ ...base, c2bShortcode: "600984", c2bMerchantName: input })).toThrow(message)
  })

  it("asks for c2bShortcode when only c2bMerchantName is set", () => {
    expect(() => validateMpesaOptions({ ...base, c2bMerchantName: "Soko" })).toThrow(/c2bShortcode.*is required/)
  })
})
