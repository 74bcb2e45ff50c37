import type { DarajaSimulator } from "../index"
import { getToken, post, start } from "./helpers/daraja"

/** The ids (= data-testids) the README promises to browser tests. */
const DOCUMENTED_CONTROLS = [
  "payer-phone",
  "paybill-business-number",
  "paybill-account-number",
  "paybill-amount",
  "paybill-submit",
  "till-number",
  "till-amount",
  "till-submit",
  "qr-choose",
  "qr-code",
  "qr-read",
  "qr-type",
  "qr-number",
  "qr-account-number",
  "qr-amount",
  "qr-merchant",
  "qr-submit",
  "c2b-result",
  "c2b-error",
  "c2b-payments",
]

const formOf = (html: string, channel: string): string => {
  const form = new RegExp(`<form data-channel="${channel}"[\\s\\S]*?</form>`).exec(html)?.[0]
  if (!form) {
    throw new Error(`no ${channel} form`)
  }
  return form
}

/** What `new FormData(form)` holds: the names of the form's inputs and textareas. */
const namesIn = (form: string): string[] =>
  [...form.matchAll(/<(?:input|textarea)[^>]*\sname="([^"]+)"/g)].map((m) => m[1]).sort()

describe("phone page: Pay bill, Buy goods, Scan QR", () => {
  let sim: DarajaSimulator
  let html: string
  let script: string

  beforeAll(async () => {
    sim = await start()
    html = await (await fetch(`${sim.url}/phone`)).text()
    script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? ""
  })
  afterAll(() => sim.stop())
  beforeEach(() => sim.reset())

  /** Posts what the page's submit handler posts: the form's fields, its channel and the paying phone. */
  const submit = (fields: Record<string, string>, channel: string, phone = "0712345126") =>
    fetch(`${sim.url}/__simulator/c2b/payments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...fields, channel, phone }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }))

  it.each(DOCUMENTED_CONTROLS)("has the documented control %s, labelled", (id) => {
    expect(html).toMatch(new RegExp(`id="${id}"[^>]*data-testid="${id}"`))
    const isField = new RegExp(`<(input|select|textarea)[^>]*id="${id}"`).test(html)
    if (isField) {
      expect(html).toContain(`<label for="${id}">`)
    }
  })

  it("finds every element its script looks up", () => {
    const ids = [...script.matchAll(/getElementById\("([^"]+)"\)/g)].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(10)
    for (const id of ids) {
      expect(html).toContain(`id="${id}"`)
    }
    expect(script).toContain('post("/c2b/payments", body)')
    expect(script).toContain("new FormData(form)")
  })

  it("sends the control API's field names from each form", () => {
    expect(namesIn(formOf(html, "paybill"))).toEqual(["accountNumber", "amount", "businessNumber"])
    expect(namesIn(formOf(html, "till"))).toEqual(["amount", "tillNumber"])
    expect(namesIn(formOf(html, "qr"))).toEqual(["qrCode"])
  })

  it("pays a bill from the Pay bill form", async () => {
    const res = await submit({ businessNumber: "600984", accountNumber: "SOKO-1042", amount: "150" }, "paybill")
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ transactionType: "Pay Bill", businessShortCode: "600984", billRefNumber: "SOKO-1042", amount: 150, msisdn: "254712345126", channel: "paybill" })
    expect(sim.listLedger().payments).toHaveLength(1)
  })

  it("buys goods from the Buy goods form", async () => {
    const res = await submit({ tillNumber: "174380", amount: "99" }, "till")
    expect(res.body).toMatchObject({ transactionType: "Buy Goods", businessShortCode: "174380", billRefNumber: "", amount: 99 })
  })

  it("reads a generated QR code, then pays it from the Scan QR form", async () => {
    const token = await getToken(sim)
    await post(sim, "/mpesa/qrcode/v1/generate", token, { MerchantName: "Soko", RefNo: "INV-9", Amount: 75, TrxCode: "PB", CPI: "600984", Size: 200 })
    const state = (await (await fetch(`${sim.url}/__simulator/state`)).json()) as { qrCodes: Array<{ payload: string }> }
    expect(state.qrCodes).toHaveLength(1)
    const read = await fetch(`${sim.url}/__simulator/qr-codes/read`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ payload: state.qrCodes[0].payload }),
    })
    expect(await read.json()).toEqual({ trxCode: "PB", cpi: "600984", refNo: "INV-9", amount: 75, merchantName: "Soko" })
    const res = await submit({ qrCode: state.qrCodes[0].payload }, "qr")
    expect(res.body).toMatchObject({ channel: "qr", billRefNumber: "INV-9", amount: 75 })
  })

  it.each([
    [{ businessNumber: "600984", accountNumber: "A1", amount: "12.50" }, "paybill", "Amount must be whole shillings from 1 to 250,000 (M-Pesa takes no cents)."],
    [{ businessNumber: "600984", accountNumber: "", amount: "10" }, "paybill", "Account number is required for Pay Bill: 1 to 20 characters."],
    [{ tillNumber: "", amount: "10" }, "till", "Till number must be 5 to 8 digits, e.g. 174380."],
    [{ qrCode: "hello" }, "qr", "This is not a QR code made by this simulator"],
  ])("shows the API's sentence for %j and pays nothing", async (fields, channel, message) => {
    const res = await submit(fields, channel)
    expect(res.status).toBe(400)
    expect(String(res.body.error)).toContain(message)
    expect(sim.listC2bPayments()).toEqual([])
  })

  it("refuses a bad paying phone", async () => {
    const res = await submit({ tillNumber: "174380", amount: "10" }, "till", "12345")
    expect(res.body.error).toBe("Phone number must be a Kenyan mobile number such as 0708374149 or 254708374149.")
  })
})
