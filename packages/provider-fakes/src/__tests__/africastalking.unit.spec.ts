import { AfricasTalkingFake, startAfricasTalkingFake } from "../africastalking"

describe("Africa's Talking fake", () => {
  let fake: AfricasTalkingFake
  beforeAll(async () => {
    fake = await startAfricasTalkingFake({
      credentials: { sandbox: "atsk_good" },
      senderIds: ["SOKO"],
      blacklist: ["+254700000406"],
    })
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  const send = (fields: Record<string, string>, apiKey = "atsk_good") =>
    fetch(`${fake.url}/version1/messaging`, {
      method: "POST",
      headers: { apiKey, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    })

  it("sends, answering 201 with SMSMessageData like the real API", async () => {
    const response = await send({ username: "sandbox", to: "+254712345678", message: "Asante!", from: "SOKO" })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { SMSMessageData: { Message: string; Recipients: Record<string, unknown>[] } }
    expect(body.SMSMessageData.Message).toBe("Sent to 1/1 Total Cost: KES 0.8000")
    expect(body.SMSMessageData.Recipients).toEqual([
      { statusCode: 101, number: "+254712345678", status: "Success", cost: "KES 0.8000", messageId: expect.stringMatching(/^ATXid_/) },
    ])
    expect(fake.messages()).toEqual([
      expect.objectContaining({ to: "+254712345678", text: "Asante!", from: "SOKO", encoding: "GSM-7", parts: 1 }),
    ])
  })

  it("bills long and UCS-2 messages by the part", async () => {
    await send({ username: "sandbox", to: "+254712345678", message: "a".repeat(161) })
    await send({ username: "sandbox", to: "+254712345678", message: "Karibu 😀" })
    expect(fake.messages().map((m) => [m.encoding, m.parts, m.cost])).toEqual([
      ["GSM-7", 2, "KES 1.6000"],
      ["UCS-2", 1, "KES 0.8000"],
    ])
  })

  it.each([
    ["a local-format number", { to: "0712345678" }, 403, "InvalidPhoneNumber"],
    ["an unregistered sender id", { from: "OTHER" }, 402, "InvalidSenderId"],
    ["a blacklisted number", { to: "+254700000406" }, 406, "UserInBlacklist"],
  ])("reports %s per recipient", async (_label, fields, statusCode, status) => {
    const response = await send({ username: "sandbox", to: "+254712345678", message: "x", ...fields })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { SMSMessageData: { Message: string; Recipients: Record<string, unknown>[] } }
    expect(body.SMSMessageData.Message).toBe("Sent to 0/1 Total Cost: 0")
    expect(body.SMSMessageData.Recipients[0]).toEqual(expect.objectContaining({ statusCode, status, messageId: "None" }))
    expect(fake.messages()).toEqual([])
  })

  it("rejects bad credentials with 401 text and missing fields with 400", async () => {
    const response = await send({ username: "sandbox", to: "+254712345678", message: "x" }, "wrong")
    expect(response.status).toBe(401)
    expect(await response.text()).toBe("The supplied authentication is invalid")
    const missing = await send({ username: "sandbox", to: "+254712345678" })
    expect(missing.status).toBe(400)
    expect(await missing.text()).toMatch(/message/)
  })

  it("drops the connection when asked", async () => {
    fake.failNext(1, { kind: "reset" })
    await expect(send({ username: "sandbox", to: "+254712345678", message: "x" })).rejects.toThrow()
    expect((await send({ username: "sandbox", to: "+254712345678", message: "x" })).status).toBe(201)
  })
})
