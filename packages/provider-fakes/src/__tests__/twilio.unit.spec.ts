import { startTwilioFake, TwilioFake } from "../twilio"

const SID = "AC" + "0".repeat(32)

describe("Twilio fake", () => {
  let fake: TwilioFake
  beforeAll(async () => {
    fake = await startTwilioFake({ credentials: { [SID]: "token" }, fromNumbers: ["+15005550006"] })
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  const send = (fields: Record<string, string>, auth = `${SID}:token`, sid = SID) =>
    fetch(`${fake.url}/2010-04-01/Accounts/${sid}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(auth).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(fields).toString(),
    })

  it("creates a queued Message resource", async () => {
    const response = await send({ To: "+254712345678", From: "+15005550006", Body: "Asante!" })
    expect(response.status).toBe(201)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual(
      expect.objectContaining({
        sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
        status: "queued",
        to: "+254712345678",
        from: "+15005550006",
        body: "Asante!",
        num_segments: "1",
        error_code: null,
        account_sid: SID,
      })
    )
    expect(fake.messages()[0]).toEqual(expect.objectContaining({ sid: body.sid, to: "+254712345678", body: "Asante!" }))
  })

  it("accepts a messaging service instead of From", async () => {
    expect((await send({ To: "+254712345678", MessagingServiceSid: "MG123", Body: "x" })).status).toBe(201)
  })

  it.each([
    ["bad auth", { To: "+254712345678", From: "+15005550006", Body: "x" }, `${SID}:wrong`, 401, 20003],
    ["invalid To", { To: "0712345678", From: "+15005550006", Body: "x" }, undefined, 400, 21211],
    ["no From", { To: "+254712345678", Body: "x" }, undefined, 400, 21603],
    ["foreign From", { To: "+254712345678", From: "+15550000000", Body: "x" }, undefined, 400, 21606],
    ["no Body", { To: "+254712345678", From: "+15005550006" }, undefined, 400, 21602],
    ["too long", { To: "+254712345678", From: "+15005550006", Body: "a".repeat(1601) }, undefined, 400, 21617],
  ])("%s → Twilio error envelope", async (_label, fields, auth, status, code) => {
    const response = await send(fields, auth)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({
      code,
      message: expect.any(String),
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    })
  })

  it("fails about half the requests at failureRate 0.5, the same ones for the same seed", async () => {
    const run = async () => {
      fake.reset()
      fake.setFaults({ failureRate: 0.5, seed: 42 })
      const statuses: number[] = []
      for (let i = 0; i < 40; i++) {
        statuses.push((await send({ To: "+254712345678", From: "+15005550006", Body: `m${i}` })).status)
      }
      return statuses
    }
    const first = await run()
    const failures = first.filter((s) => s === 503).length
    expect(failures).toBeGreaterThan(10)
    expect(failures).toBeLessThan(30)
    expect(await run()).toEqual(first)
  })
})
