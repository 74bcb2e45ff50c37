import { c2bKindOf, parseC2bNotification, parseTransTime } from "../c2b-notification"

const body = (patch: Record<string, unknown> = {}) => ({
  TransactionType: "Pay Bill",
  TransID: "RKTQDM7W6S",
  TransTime: "20260310120000",
  TransAmount: "1,500.00",
  BusinessShortCode: "600984",
  BillRefNumber: "#001042",
  InvoiceNumber: "",
  OrgAccountBalance: "1500.00",
  ThirdPartyTransID: "",
  MSISDN: "2547 ***** 126",
  FirstName: "John",
  MiddleName: "K",
  LastName: "Doe",
  ...patch,
})

describe("parseC2bNotification", () => {
  it("reads a paybill confirmation into a ledger row", () => {
    const parsed = parseC2bNotification(body())
    expect(parsed).toEqual({
      ok: true,
      account: { kind: "display_id", value: "1042" },
      phone: { prefix: "2547", suffix: "126" },
      record: {
        trans_id: "RKTQDM7W6S",
        kind: "paybill",
        shortcode: "600984",
        account_ref_raw: "#001042",
        account_ref: "1042",
        account_ref_kind: "display_id",
        amount_raw: "1,500.00",
        amount_kes: 1500,
        msisdn_masked: "2547***126",
        first_name: "John",
        trans_time: new Date("2026-03-10T09:00:00Z"),
      },
    })
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ["a till payment has no account", { TransactionType: "Buy Goods", BillRefNumber: "" }, { kind: "till", account_ref_raw: null, account_ref: null }],
    ["a short code account", { BillRefNumber: "k7m-2qx" }, { account_ref: "K7M2QX", account_ref_kind: "short_code" }],
    ["an unreadable account is kept raw", { BillRefNumber: "my order" }, { account_ref_raw: "my order", account_ref: null }],
    ["a fractional amount is kept raw, unpaid", { TransAmount: "10.50" }, { amount_raw: "10.50", amount_kes: null }],
    ["a whole phone number is cut to what a mask shows", { MSISDN: "254708374149" }, { msisdn_masked: "2547***149" }],
    ["a hashed phone shows nothing", { MSISDN: "ab".repeat(32) }, { msisdn_masked: null }],
    ["a numeric shortcode", { BusinessShortCode: 600984 }, { shortcode: "600984" }],
    ["an impossible time", { TransTime: "20261399250000" }, { trans_time: null }],
    ["a lower-case TransID", { TransID: "rktqdm7w6s" }, { trans_id: "RKTQDM7W6S" }],
  ])("%s", (_name, patch, expected) => {
    const parsed = parseC2bNotification(body(patch))
    expect(parsed.ok && parsed.record).toMatchObject(expected)
  })

  it.each<[string, unknown]>([
    ["not an object", "TransID=1"],
    ["an array", [body()]],
    ["null", null],
    ["no TransID", body({ TransID: undefined })],
    ["a TransID with SQL", body({ TransID: "1'; DROP TABLE x;--" })],
    ["a shortcode with letters", body({ BusinessShortCode: "60098A" })],
    ["no shortcode", body({ BusinessShortCode: "" })],
  ])("refuses %s", (_name, input) => {
    expect(parseC2bNotification(input)).toMatchObject({ ok: false, reason: expect.any(String) })
  })

  it("keeps a hostile name and account inert and short", () => {
    const parsed = parseC2bNotification(body({ FirstName: "<script>\u0000x</script>".repeat(10), BillRefNumber: "A".repeat(500) }))
    expect(parsed.ok && parsed.record.first_name!.length).toBeLessThanOrEqual(40)
    expect(parsed.ok && parsed.record.first_name).not.toContain("\u0000")
    expect(parsed.ok && parsed.record.account_ref_raw!.length).toBeLessThanOrEqual(40)
  })
})

describe("parseTransTime", () => {
  it.each<[unknown, string | null]>([
    ["20260310120000", "2026-03-10T09:00:00.000Z"],
    [20260101000000, "2025-12-31T21:00:00.000Z"],
    ["20260230120000", null],
    ["2026031012000", null],
    [undefined, null],
  ])("%p → %p", (raw, iso) => {
    expect(parseTransTime(raw)?.toISOString() ?? null).toBe(iso)
  })
})

describe("c2bKindOf", () => {
  it.each<[unknown, string | undefined, string]>([
    ["Pay Bill", "1042", "paybill"],
    ["Buy Goods", undefined, "till"],
    ["CustomerBuyGoodsOnline", "x", "till"],
    ["CustomerPayBillOnline", undefined, "paybill"],
    [undefined, "1042", "paybill"],
    [undefined, undefined, "till"],
  ])("%p with account %p → %s", (type, ref, kind) => {
    expect(c2bKindOf(type, ref)).toBe(kind)
  })
})
