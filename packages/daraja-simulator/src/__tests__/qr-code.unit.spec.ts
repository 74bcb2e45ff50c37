import jsQR from "jsqr"
import { PNG } from "pngjs"
import type { DarajaSimulator } from "../index"
import { parseQrPayload } from "../index"
import { getToken, post, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

/** What a phone camera would read from the PNG. */
const decodePng = (base64: string): { text: string; width: number; height: number } => {
  const png = PNG.sync.read(Buffer.from(base64, "base64"))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!code) {
    throw new Error("no QR code found in the PNG")
  }
  return { text: code.data, width: png.width, height: png.height }
}

describe("Dynamic QR", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string

  beforeAll(async () => {
    sim = await start()
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })
  beforeEach(async () => {
    sim.reset()
    receiver.reset()
    token = await getToken(sim)
  })

  const generate = (patch: Record<string, unknown> = {}, bearer: string | undefined = token) =>
    post(sim, "/mpesa/qrcode/v1/generate", bearer, {
      MerchantName: "Soko Shop",
      RefNo: "SOKO-1042",
      Amount: 150,
      TrxCode: "PB",
      CPI: "600984",
      Size: "300",
      ...patch,
    })

  it("answers a base64 PNG of Size pixels that decodes back to the payload", async () => {
    const res = await generate()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ResponseCode: "00",
      RequestID: expect.stringMatching(/^\d{5}-\d{8}-1$/),
      ResponseDescription: "The service request is processed successfully.",
      QRCode: expect.any(String),
    })
    const decoded = decodePng(res.body.QRCode as string)
    expect(decoded).toMatchObject({ width: 300, height: 300 })
    expect(decoded.text).toBe("DARAJA-SIM-QR/1?TrxCode=PB&CPI=600984&RefNo=SOKO-1042&Amount=150&MerchantName=Soko+Shop")
    expect(parseQrPayload(decoded.text)).toEqual({
      ok: true,
      fields: { trxCode: "PB", cpi: "600984", refNo: "SOKO-1042", amount: 150, merchantName: "Soko Shop" },
    })
    expect(sim.listQrCodes()).toEqual([
      expect.objectContaining({ requestId: res.body.RequestID, payload: decoded.text, size: 300 }),
    ])
  })

  it("keeps odd characters intact through the image", async () => {
    const res = await generate({ MerchantName: "Mama's Duka & Co", RefNo: "A#1 +2", TrxCode: "BG", CPI: 174380, Size: 150 })
    const text = decodePng(res.body.QRCode as string).text
    expect(parseQrPayload(text)).toMatchObject({ ok: true, fields: { merchantName: "Mama's Duka & Co", refNo: "A#1 +2", cpi: "174380" } })
  })

  it.each([
    [{ MerchantName: "" }, "MerchantName"],
    [{ RefNo: undefined }, "RefNo"],
    [{ RefNo: "x".repeat(21) }, "RefNo"],
    [{ Amount: 10.5 }, "Amount"],
    [{ Amount: 0 }, "Amount"],
    [{ TrxCode: "XX" }, "TrxCode"],
    [{ TrxCode: "pb" }, "TrxCode"],
    [{ CPI: "12" }, "CPI"],
    [{ TrxCode: "SM", CPI: "600984" }, "CPI"],
    [{ Size: "abc" }, "Size"],
    [{ Size: 5000 }, "Size"],
  ])("refuses %j in Daraja's error shape", async (patch, field) => {
    const res = await generate(patch)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errorCode: "400.002.02",
      errorMessage: `Bad Request - Invalid ${field}`,
    })
    expect(sim.listQrCodes()).toEqual([])
  })

  it("accepts a phone as the credit party of Send Money", async () => {
    const res = await generate({ TrxCode: "SM", CPI: "0712345678" })
    expect(parseQrPayload(decodePng(res.body.QRCode as string).text)).toMatchObject({ ok: true, fields: { cpi: "254712345678" } })
  })

  it("needs a bearer token", async () => {
    const res = await generate({}, "")
    expect(res.status).toBe(404)
    expect(res.body.errorCode).toBe("404.001.03")
  })

  it("pays a scanned paybill QR as an ordinary C2B confirmation with BillRefNumber = RefNo", async () => {
    await post(sim, "/mpesa/c2b/v2/registerurl", token, {
      ShortCode: "600984",
      ResponseType: "Completed",
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
    })
    const res = await generate()
    const payment = await sim.payC2b({ channel: "qr", qrCode: decodePng(res.body.QRCode as string).text })
    expect(payment).toMatchObject({ channel: "qr", qrRequestId: res.body.RequestID, amount: 150 })
    const confirmation = await sim.waitForCallback({ kind: "c2b-confirmation", transId: payment.transId })
    expect(confirmation.body).toMatchObject({ TransactionType: "Pay Bill", BusinessShortCode: "600984", BillRefNumber: "SOKO-1042", TransAmount: "150.00" })
  })

  it("pays a till QR without an account", async () => {
    const res = await generate({ TrxCode: "BG", CPI: "174380", RefNo: "counter 2" })
    const payment = await sim.payC2b({ channel: "qr", qrCode: sim.listQrCodes()[0].payload })
    expect(res.status).toBe(200)
    expect(payment).toMatchObject({ transactionType: "Buy Goods", businessShortCode: "174380", billRefNumber: "" })
  })

  it.each([
    ["a foreign code", "https://example.com/pay", /not a QR code made by this simulator/],
    ["a damaged code", "DARAJA-SIM-QR/1?TrxCode=PB&CPI=600984&Amount=ten", /damaged/],
    ["an agent withdrawal", "DARAJA-SIM-QR/1?TrxCode=WA&CPI=123456&RefNo=x&Amount=10&MerchantName=Agent", /only PB \(Pay Bill\) and BG \(Buy Goods\)/],
  ])("refuses to pay %s", async (_name, text, message) => {
    await expect(sim.payC2b({ channel: "qr", qrCode: text })).rejects.toThrow(message)
    expect(sim.listC2bPayments()).toEqual([])
  })
})
