import { sanitizeC2bBody } from "../sanitize-c2b-body"

const confirmation = {
  TransactionType: "Pay Bill",
  TransID: "RKTQDM7W6S",
  TransTime: "20261205093000",
  TransAmount: "1500.00",
  BusinessShortCode: "600984",
  BillRefNumber: "#1042",
  InvoiceNumber: "",
  OrgAccountBalance: "49197.00",
  ThirdPartyTransID: "",
  MSISDN: "2547 ***** 126",
  FirstName: "John",
  MiddleName: "Kamau",
  LastName: "Doe",
}

describe("sanitizeC2bBody", () => {
  it("keeps the payment, masks the MSISDN as the ledger does and drops all names but the first", () => {
    expect(sanitizeC2bBody(confirmation)).toEqual({
      ...confirmation,
      MSISDN: "2547***126",
      MiddleName: undefined,
      LastName: undefined,
    })
    expect(sanitizeC2bBody(confirmation)).not.toHaveProperty("LastName")
  })

  it.each<[unknown, string | null]>([
    ["254708374149", "2547***149"],
    [254708374149, "2547***149"],
    ["9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0", null],
    [null, null],
  ])("never stores a whole number: MSISDN %p → %p", (msisdn, stored) => {
    const body = sanitizeC2bBody({ ...confirmation, MSISDN: msisdn })
    expect(body?.MSISDN).toBe(stored)
    expect(JSON.stringify(body)).not.toContain("08374149")
  })

  it("keeps nothing of a body too large to store whole", () => {
    const body = sanitizeC2bBody({ ...confirmation, MSISDN: "254708374149", pad: Array.from({ length: 50 }, () => "x".repeat(1000)) })
    expect(body).toEqual({ truncated: "[C2B body too large to keep]" })
  })

  it.each([[undefined], [null]])("%p stays null", (body) => {
    expect(sanitizeC2bBody(body)).toBeNull()
  })
})
