import { MedusaError } from "@medusajs/framework/utils"
import { validateMpesaOptions } from "../options"

const PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"

const base = {
  consumerKey: "key",
  consumerSecret: "secret",
  shortcode: "174379",
  passkey: PASSKEY,
  callbackUrl: "https://shop.example.co.ke/",
}

describe("validateMpesaOptions", () => {
  it("applies defaults", () => {
    expect(validateMpesaOptions(base)).toEqual({
      consumerKey: "key",
      consumerSecret: "secret",
      shortcode: "174379",
      passkey: PASSKEY,
      transactionType: "CustomerPayBillOnline",
      environment: "sandbox",
      baseUrl: "https://sandbox.safaricom.co.ke",
      callbackUrl: "https://shop.example.co.ke",
      accountReference: "Payment",
      transactionDesc: "Payment",
      reconcileAfterSeconds: 30,
      reconcileMaxAgeHours: 24,
      callbackLogRetentionDays: 90,
      pushAttemptRetentionDays: 30,
      maxPushesPerPhonePerHour: 5,
      maxPushesPerCartPerHour: 10,
      maxPushesPerClientPerHour: 30,
      tokenRefreshMarginSeconds: 120,
      requestTimeoutMs: 15000,
    })
  })

  it.each([
    [{}, "https://sandbox.safaricom.co.ke"],
    [{ environment: "sandbox" }, "https://sandbox.safaricom.co.ke"],
    [{ environment: "" }, "https://sandbox.safaricom.co.ke"],
    [
      { environment: "production", callbackSecret: "s3cr3t-t0ken-abcdef" },
      "https://api.safaricom.co.ke",
    ],
    [{ baseUrl: "http://127.0.0.1:8719/" }, "http://127.0.0.1:8719"],
    [
      {
        environment: "production",
        baseUrl: "https://daraja-proxy.internal",
        callbackSecret: "s3cr3t-t0ken-abcdef",
      },
      "https://daraja-proxy.internal",
    ],
  ])("resolves %p to base URL %p", (patch, baseUrl) => {
    expect(validateMpesaOptions({ ...base, ...patch }).baseUrl).toBe(baseUrl)
  })

  it("accepts a till under a store number", () => {
    expect(
      validateMpesaOptions({
        ...base,
        transactionType: "CustomerBuyGoodsOnline",
        tillNumber: 174380,
      })
    ).toMatchObject({ transactionType: "CustomerBuyGoodsOnline", tillNumber: "174380" })
  })

  it("drops tillNumber for paybills", () => {
    expect(validateMpesaOptions({ ...base, tillNumber: "174380" })).not.toHaveProperty("tillNumber")
  })

  it("parses numbers from env strings and keeps the reversal credentials together", () => {
    expect(
      validateMpesaOptions({
        ...base,
        shortcode: 174379,
        reconcileAfterSeconds: "45",
        tokenRefreshMarginSeconds: " 60 ",
        maxPushesPerPhonePerHour: "",
        initiatorName: "testapi",
        securityCredential: "c2VjcmV0",
        callbackSecret: "abcdefghijklmnop",
      })
    ).toMatchObject({
      shortcode: "174379",
      reconcileAfterSeconds: 45,
      tokenRefreshMarginSeconds: 60,
      maxPushesPerPhonePerHour: 5,
      initiatorName: "testapi",
      securityCredential: "c2VjcmV0",
      callbackSecret: "abcdefghijklmnop",
    })
  })

  it("configures B2C from its own initiator, or falls back to the reversal initiator", () => {
    expect(validateMpesaOptions({ ...base })).not.toHaveProperty("b2c")
    expect(
      validateMpesaOptions({ ...base, initiatorName: "api", securityCredential: "cred", b2cShortcode: 600996 })
    ).toMatchObject({ b2c: { shortcode: "600996", initiatorName: "api", securityCredential: "cred", commandId: "BusinessPayment" } })
    expect(
      validateMpesaOptions({
        ...base,
        b2cShortcode: "600996",
        b2cInitiatorName: "b2capi",
        b2cSecurityCredential: "b2ccred",
        b2cCommandId: "PromotionPayment",
      })
    ).toMatchObject({ b2c: { initiatorName: "b2capi", securityCredential: "b2ccred", commandId: "PromotionPayment" } })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ["missing consumerKey", { consumerKey: undefined }, "Option `consumerKey` is required"],
    ["blank consumerKey", { consumerKey: "  " }, "Option `consumerKey` is required"],
    ["numeric consumerKey", { consumerKey: 5 }, "Option `consumerKey` must be a string"],
    ["missing consumerSecret", { consumerSecret: undefined }, "Option `consumerSecret` is required"],
    ["missing passkey", { passkey: undefined }, "Option `passkey` is required"],
    ["null passkey", { passkey: null }, "Option `passkey` is required"],
    ["missing shortcode", { shortcode: undefined }, "Option `shortcode` is required"],
    ["short shortcode", { shortcode: "1234" }, "Option `shortcode` must be 5 to 8 digits"],
    ["letters shortcode", { shortcode: "17437a" }, "Option `shortcode` must be 5 to 8 digits"],
    [
      "till without tillNumber",
      { transactionType: "CustomerBuyGoodsOnline" },
      "Option `tillNumber` is required when transactionType is CustomerBuyGoodsOnline",
    ],
    [
      "bad tillNumber",
      { transactionType: "CustomerBuyGoodsOnline", tillNumber: "12" },
      "Option `tillNumber` must be 5 to 8 digits",
    ],
    [
      "trailing-space transactionType",
      { transactionType: "CustomerPayBillOnline " },
      "Option `transactionType` must be",
    ],
    ["unknown environment", { environment: "live" }, 'Option `environment` must be "sandbox" or "production"'],
    ["missing callbackUrl", { callbackUrl: undefined }, "Option `callbackUrl` is required"],
    ["relative callbackUrl", { callbackUrl: "/hooks" }, "Option `callbackUrl` must be an absolute http(s) URL"],
    ["ftp callbackUrl", { callbackUrl: "ftp://shop.example" }, "must be an absolute http(s) URL"],
    ["bad baseUrl", { baseUrl: "sandbox" }, "Option `baseUrl` must be an absolute http(s) URL"],
    [
      "http callbackUrl in production",
      { environment: "production", callbackUrl: "http://shop.example.co.ke", callbackSecret: "abcdefghijklmnop" },
      "Option `callbackUrl` must use https in production",
    ],
    [
      "callbackUrl with a query",
      { callbackUrl: "https://shop.example.co.ke/?a=1" },
      "without a query string",
    ],
    ["mpesa in callbackUrl", { callbackUrl: "https://mpesa.shop.co.ke" }, 'contains the word "mpesa"'],
    ["MPESA upper-case", { callbackUrl: "https://shop.co.ke/MPESA" }, 'contains the word "mpesa"'],
    ["safaricom", { callbackUrl: "https://safaricom-deals.co.ke" }, 'contains the word "safaricom"'],
    ["exe", { callbackUrl: "https://shop.co.ke/app.exe" }, 'contains the word "exe"'],
    ["exec", { callbackUrl: "https://exec.shop.co.ke" }, 'contains the word "exec"'],
    ["cmd", { callbackUrl: "https://shop.co.ke/cmd" }, 'contains the word "cmd"'],
    ["sql", { callbackUrl: "https://mysql-shop.co.ke" }, 'contains the word "sql"'],
    ["query", { callbackUrl: "https://shop.co.ke/Query" }, 'contains the word "query"'],
    [
      "production without callbackSecret",
      { environment: "production" },
      "Option `callbackSecret` is required in production",
    ],
    ["short callbackSecret", { callbackSecret: "short" }, "Option `callbackSecret` must be 16 to 128"],
    ["callbackSecret with /", { callbackSecret: "abcdefgh/ijklmnop" }, "Option `callbackSecret` must be 16 to 128"],
    ["callbackSecret with cmd", { callbackSecret: "abcdefghcmdijklmnop" }, 'Option `callbackSecret` contains "cmd"'],
    ["long accountReference", { accountReference: "ThirteenChars" }, "Option `accountReference` must be at most 12"],
    ["symbols in accountReference", { accountReference: "Shop #1" }, "Option `accountReference` may only contain"],
    ["long transactionDesc", { transactionDesc: "Fourteen chars" }, "Option `transactionDesc` must be at most 13"],
    ["initiator without credential", { initiatorName: "api" }, "Option `securityCredential` is required when initiatorName is set"],
    ["credential without initiator", { securityCredential: "abc" }, "Option `initiatorName` is required when securityCredential is set"],
    ["B2C shortcode without any initiator", { b2cShortcode: "600996" }, "Option `b2cInitiatorName` (or initiatorName) is required when b2cShortcode is set"],
    ["B2C initiator without shortcode", { b2cInitiatorName: "b2capi" }, "Option `b2cShortcode` is required when a B2C initiator is set"],
    ["short B2C shortcode", { b2cShortcode: "12" }, "Option `b2cShortcode` must be 5 to 8 digits"],
    ["unknown B2C command", { b2cShortcode: "600996", initiatorName: "a", securityCredential: "b", b2cCommandId: "Refund" }, "Option `b2cCommandId` must be one of BusinessPayment, SalaryPayment, PromotionPayment"],
    ["zero reconcile delay", { reconcileAfterSeconds: 0 }, "Option `reconcileAfterSeconds` must be a whole number from 5 to 3600"],
    ["fractional limit", { maxPushesPerPhonePerHour: 2.5 }, "Option `maxPushesPerPhonePerHour` must be a whole number"],
    ["text limit", { maxPushesPerCartPerHour: "ten" }, "Option `maxPushesPerCartPerHour` must be a whole number"],
    ["zero client limit", { maxPushesPerClientPerHour: 0 }, "Option `maxPushesPerClientPerHour` must be a whole number from 1 to 100000"],
    ["huge margin", { tokenRefreshMarginSeconds: 3600 }, "Option `tokenRefreshMarginSeconds` must be a whole number from 0 to 1800"],
    ["tiny timeout", { requestTimeoutMs: 10 }, "Option `requestTimeoutMs` must be a whole number from 1000"],
  ])("refuses %s", (_name, patch, message) => {
    expect(() => validateMpesaOptions({ ...base, ...patch })).toThrow(message)
  })

  it.each<[string, Record<string, unknown>, string | undefined, boolean]>([
    ["sandbox in development: the public dev secret is fine", {}, "development", true],
    ["environment unset, NODE_ENV=production: refused", {}, "production", false],
    ["sandbox, NODE_ENV=production: refused", { environment: "sandbox" }, "production", false],
    ["NODE_ENV=production with a secret", { callbackSecret: "s3cr3t-t0ken-abcdef" }, "production", true],
  ])("callback secret and the runtime: %s", (_name, patch, nodeEnv, ok) => {
    const run = () => validateMpesaOptions({ ...base, ...patch }, { nodeEnv })
    if (ok) {
      expect(run).not.toThrow()
    } else {
      expect(run).toThrow(/Option `callbackSecret` is required in production .*NODE_ENV=production.*MPESA_CALLBACK_SECRET/)
    }
  })

  it("names every missing option at once", () => {
    expect(() => validateMpesaOptions({})).toThrow(
      /consumerKey` is required.*consumerSecret` is required.*shortcode` is required.*passkey` is required.*callbackUrl` is required/
    )
  })

  it.each([[null], [undefined], ["key=secret"], [[]]])("refuses non-object options %p", (raw) => {
    expect(() => validateMpesaOptions(raw)).toThrow("M-Pesa provider options must be an object")
  })

  it("throws MedusaError INVALID_DATA without echoing secret values", () => {
    expect.assertions(3)
    try {
      validateMpesaOptions({ ...base, consumerSecret: 42, passkey: "", callbackSecret: "tiny-secret" })
    } catch (e) {
      expect(e).toBeInstanceOf(MedusaError)
      expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
      expect((e as Error).message).not.toMatch(/42|tiny-secret/)
    }
  })
})
