import { qrMerchantName, qrRequestBody, type QrInput } from "../qr-client"

const paybill: QrInput = { merchantName: "Soko Shop", type: "paybill", number: "600984", reference: "1042", amountKes: 1450 }

describe("qrRequestBody", () => {
  it.each<[string, Partial<QrInput>, Record<string, unknown>]>([
    ["paybill: PB, the account as RefNo", {}, { MerchantName: "Soko Shop", RefNo: "1042", Amount: 1450, TrxCode: "PB", CPI: "600984", Size: "300" }],
    ["till: BG, the order number as RefNo", { type: "till", number: "174380", reference: "77" }, { TrxCode: "BG", CPI: "174380", RefNo: "77" }],
    ["short-code account", { reference: "K7M2QX" }, { RefNo: "K7M2QX" }],
    ["reference trimmed", { reference: "  1042 " }, { RefNo: "1042" }],
    ["another size", { size: 500 }, { Size: "500" }],
    ["smallest amount", { amountKes: 1 }, { Amount: 1 }],
    ["merchant name cleaned", { merchantName: "Mama's <Duka> & Co!" }, { MerchantName: "Mama's Duka & Co" }],
  ])("%s", (_name, patch, expected) => {
    expect(qrRequestBody({ ...paybill, ...patch })).toMatchObject(expected)
  })

  it.each<[string, Partial<QrInput>, RegExp]>([
    ["a fractional amount", { amountKes: 10.5 }, /whole amount/],
    ["nothing to pay", { amountKes: 0 }, /at least KES 1/],
    ["a negative amount", { amountKes: -5 }, /whole amount/],
    ["an empty account", { reference: " " }, /1 to 20 characters/],
    ["an account over 20 characters", { reference: "x".repeat(21) }, /1 to 20 characters/],
  ])("refuses %s", (_name, patch, message) => {
    expect(() => qrRequestBody({ ...paybill, ...patch })).toThrow(message)
  })
})

describe("qrMerchantName", () => {
  it.each<[string | null | undefined, string]>([
    ["Soko", "Soko"],
    ["  Soko   Duka  ", "Soko Duka"],
    ["Duka la Mama — Nairobi", "Duka la Mama Nairobi"],
    ["Café Ndovu", "Café Ndovu"],
    ["x".repeat(60), "x".repeat(50)],
    ["🛒🛒", "Shop"],
    ["", "Shop"],
    [null, "Shop"],
    [undefined, "Shop"],
  ])("%j → %j", (input, expected) => {
    expect(qrMerchantName(input)).toBe(expected)
  })
})
