import type { DarajaSimulator } from "../index"
import { PULL_WINDOW_MS } from "../index"
import { getToken, post, start } from "./helpers/daraja"
import { Receiver, startReceiver } from "./helpers/receiver"

// 2026-03-10 12:00:00 EAT
const NOON_EAT = Date.UTC(2026, 2, 10, 9, 0, 0)

describe("Pull Transactions", () => {
  let sim: DarajaSimulator
  let receiver: Receiver
  let token: string
  let clock = NOON_EAT

  beforeAll(async () => {
    sim = await start({ now: () => clock })
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await sim.stop()
    await receiver.stop()
  })
  beforeEach(async () => {
    clock = NOON_EAT
    sim.reset()
    receiver.reset()
    token = await getToken(sim)
  })

  const registerPull = (patch: Record<string, unknown> = {}) =>
    post(sim, "/pulltransactions/v1/register", token, {
      ShortCode: "600984",
      RequestType: "Pull",
      NominatedNumber: "0722000000",
      CallBackURL: `${receiver.url}/pull`,
      ...patch,
    })

  const query = (patch: Record<string, unknown> = {}) =>
    post(sim, "/pulltransactions/v1/query", token, {
      ShortCode: "600984",
      StartDate: "2026-03-10 08:00:00",
      EndDate: "2026-03-10 13:00:00",
      OffSetValue: "0",
      ...patch,
    })

  const pay = (accountNumber: string, amount = 100) =>
    sim.payC2b({ channel: "paybill", businessNumber: "600984", accountNumber, amount })

  it("registers a shortcode", async () => {
    const res = await registerPull()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ResponseRefID: expect.stringMatching(/^\d{5}-\d{8}-1$/),
      ResponseStatus: "1000",
      ShortCode: "600984",
      ResponseDescription: "ShortCode 600984 Registered Successfully",
    })
    expect(sim.listPullRegistrations()).toEqual([expect.objectContaining({ shortCode: "600984", nominatedNumber: "254722000000" })])
  })

  it.each([
    [{ RequestType: "Push" }, "RequestType"],
    [{ NominatedNumber: "12345" }, "NominatedNumber"],
    [{ CallBackURL: "not a url" }, "CallBackURL"],
    [{ ShortCode: "12" }, "ShortCode"],
  ])("refuses a registration with %j", async (patch, field) => {
    const res = await registerPull(patch)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ errorCode: "400.002.02", errorMessage: `Bad Request - Invalid ${field}` })
    expect(sim.listPullRegistrations()).toEqual([])
  })

  it("answers 1001 when there is nothing in the window", async () => {
    await registerPull()
    const res = await query()
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ResponseRefID: expect.any(String),
      ResponseCode: "1001",
      ResponseMessage: "No records found",
      Response: [[]],
    })
  })

  it("refuses a shortcode that never registered for Pull", async () => {
    await pay("A1")
    const res = await query()
    expect(res.status).toBe(400)
    expect(res.body.errorMessage).toBe("Bad Request - Invalid ShortCode")
  })

  it.each([
    [{ StartDate: "2026-03-10T08:00:00" }, "StartDate"],
    [{ StartDate: "2026-02-30 08:00:00" }, "StartDate"],
    [{ EndDate: "2026-03-10 07:00:00" }, "EndDate"],
    [{ OffSetValue: "-1" }, "OffSetValue"],
    [{ OffSetValue: "1.5" }, "OffSetValue"],
  ])("refuses a query with %j", async (patch, field) => {
    await registerPull()
    const res = await query(patch)
    expect(res.body.errorMessage).toBe(`Bad Request - Invalid ${field}`)
  })

  it("lists a payment whose confirmation was lost: the plugin's recovery path", async () => {
    await registerPull()
    await post(sim, "/mpesa/c2b/v2/registerurl", token, {
      ShortCode: "600984",
      ResponseType: "Completed",
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
    })
    const lost = await sim.payC2b({
      channel: "paybill",
      businessNumber: "600984",
      accountNumber: "SOKO-1042",
      amount: 150,
      phone: "254712345126",
      confirmation: { skip: true },
    })
    expect(receiver.received.map((r) => r.path)).toEqual(["/c2b/validate"])
    const res = await query()
    expect(res.body).toMatchObject({ ResponseCode: "1000", ResponseMessage: "Success" })
    expect(res.body.Response).toEqual([
      [
        {
          transactionId: lost.transId,
          trxDate: "2026-03-10T09:00:00Z",
          msisdn: "2547 ***** 126",
          sender: "UTILITY",
          transactiontype: "c2b-pay-bill-debit",
          billreference: "SOKO-1042",
          amount: "150.0",
          organizationname: "Merchant 600984",
        },
      ],
    ])
  })

  it("pages by OffSetValue, oldest first, and leaves out rejected payments and other shortcodes", async () => {
    sim.updateSettings({ pullPageSize: 2 })
    await registerPull()
    for (const [i, account] of ["A1", "A2", "A3"].entries()) {
      clock = NOON_EAT - 60_000 * (3 - i)
      await pay(account)
    }
    await sim.payC2b({ channel: "paybill", businessNumber: "600111", accountNumber: "OTHER", amount: 5 })
    await post(sim, "/mpesa/c2b/v2/registerurl", token, {
      ShortCode: "600984",
      ResponseType: "Completed",
      ConfirmationURL: `${receiver.url}/c2b/confirm`,
      ValidationURL: `${receiver.url}/c2b/validate`,
    })
    receiver.answer("/c2b/validate", 200, { ResultCode: "C2B00012" })
    expect((await pay("REJECTED")).status).toBe("rejected")

    const page = async (offset: string) =>
      ((await query({ OffSetValue: offset })).body.Response as Array<Array<{ billreference: string }>>)[0].map(
        (r) => r.billreference
      )
    expect(await page("0")).toEqual(["A1", "A2"])
    expect(await page("2")).toEqual(["A3"])
    expect((await query({ OffSetValue: 3 })).body.ResponseCode).toBe("1001")
  })

  it("keeps to the window: StartDate/EndDate in EAT, and only the last 48 hours", async () => {
    await registerPull()
    clock = NOON_EAT - PULL_WINDOW_MS - 1000
    await pay("TOO-OLD")
    clock = NOON_EAT - 3 * 60 * 60 * 1000 // 09:00 EAT
    await pay("NINE")
    clock = NOON_EAT
    await pay("NOON")
    const refs = async (patch: Record<string, unknown>) => {
      const res = await query(patch)
      return res.body.ResponseCode === "1001"
        ? []
        : (res.body.Response as Array<Array<{ billreference: string }>>)[0].map((r) => r.billreference)
    }
    expect(await refs({ StartDate: "2026-03-01 00:00:00" })).toEqual(["NINE", "NOON"])
    expect(await refs({ StartDate: "2026-03-10 9:00:01" })).toEqual(["NOON"])
    expect(await refs({ EndDate: "2026-03-10 11:59:59" })).toEqual(["NINE"])
    expect(await refs({ StartDate: "2026-03-10 12:00:00", EndDate: "2026-03-10 12:00:00" })).toEqual(["NOON"])
  })

  it("includes a store's till payments in the store number's pull", async () => {
    await post(sim, "/pulltransactions/v1/register", token, {
      ShortCode: "174379",
      RequestType: "Pull",
      NominatedNumber: "254708374149",
      CallBackURL: `${receiver.url}/pull`,
    })
    await sim.payC2b({ channel: "till", tillNumber: "174380", amount: 40 })
    const res = await query({ ShortCode: "174379" })
    expect(res.body.Response).toEqual([
      [expect.objectContaining({ transactiontype: "c2b-buy-goods-debit", billreference: "", amount: "40.0" })],
    ])
  })
})
