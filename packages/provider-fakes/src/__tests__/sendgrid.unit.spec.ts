import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { SendgridFake, startSendgridFake } from "../sendgrid"

describe("SendGrid fake", () => {
  let fake: SendgridFake
  beforeAll(async () => {
    fake = await startSendgridFake({ apiKeys: ["SG.good"] })
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  const post = (body: unknown, key = "SG.good") =>
    fetch(`${fake.url}/v3/mail/send`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    })

  const valid = {
    personalizations: [{ to: [{ email: "a@example.com" }] }],
    from: { email: "shop@example.com", name: "Shop" },
    subject: "Hi",
    content: [
      { type: "text/plain", value: "Hi" },
      { type: "text/html", value: "<p>Hi</p>" },
    ],
    custom_args: { idempotency_key: "k1" },
  }

  it("accepts what the official @sendgrid/mail client sends, with 202 and X-Message-Id", async () => {
    const client = new Client()
    client.setApiKey("SG.good")
    client.setDefaultRequest("baseUrl", fake.url)
    const mail = new MailService()
    mail.setClient(client)
    const [response] = await mail.send({
      to: "wanjiku@example.com",
      from: { email: "shop@example.com", name: "Soko" },
      subject: "Order #1042",
      text: "Plain",
      html: "<p>Html</p>",
      customArgs: { idempotency_key: "order.placed:o1" },
    })
    expect(response.statusCode).toBe(202)
    const [message] = fake.messages()
    expect(response.headers["x-message-id"]).toBe(message.id)
    expect(message).toEqual(
      expect.objectContaining({
        to: ["wanjiku@example.com"],
        from: "shop@example.com",
        fromName: "Soko",
        subject: "Order #1042",
        text: "Plain",
        html: "<p>Html</p>",
        customArgs: { idempotency_key: "order.placed:o1" },
        sandbox: false,
      })
    )
  })

  it.each([
    ["no personalizations", { ...valid, personalizations: [] }, "personalizations"],
    ["no recipient", { ...valid, personalizations: [{ to: [] }] }, "personalizations.0.to"],
    ["bad address", { ...valid, personalizations: [{ to: [{ email: "not-an-email" }] }] }, "personalizations.0.to.0.email"],
    ["no from", { ...valid, from: {} }, "from.email"],
    ["no subject", { ...valid, subject: "" }, "subject"],
    ["no content", { ...valid, content: [] }, "content"],
    ["html before text", { ...valid, content: [...valid.content].reverse() }, "content"],
    ["empty content value", { ...valid, content: [{ type: "text/plain", value: "" }] }, "content.0.value"],
  ])("rejects %s with 400 and SendGrid's error envelope", async (_label, body, field) => {
    const response = await post(body)
    expect(response.status).toBe(400)
    const json = (await response.json()) as { errors: { field: string; message: string }[] }
    expect(json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]))
    expect(fake.messages()).toEqual([])
  })

  it("rejects a wrong key with 401 and malformed JSON with 400", async () => {
    const unauthorised = await post(valid, "SG.bad")
    expect(unauthorised.status).toBe(401)
    expect(await unauthorised.json()).toEqual({
      errors: [{ message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null }],
    })
    expect((await post("{nope")).status).toBe(400)
  })

  it("answers sandbox mode with 200 and marks the message", async () => {
    const response = await post({ ...valid, mail_settings: { sandbox_mode: { enable: true } } })
    expect(response.status).toBe(200)
    expect(fake.messages()[0].sandbox).toBe(true)
  })

  it("injects faults with SendGrid's bodies, then recovers", async () => {
    fake.failNext(1, { kind: "status", status: 429 })
    fake.failNext(1)
    const limited = await post(valid)
    expect(limited.status).toBe(429)
    expect(await limited.json()).toEqual({ errors: [{ message: "too many requests", field: null, help: null }] })
    expect((await post(valid)).status).toBe(503)
    expect((await post(valid)).status).toBe(202)
    expect(fake.requests().map((r) => [r.status, r.fault])).toEqual([
      [429, true],
      [503, true],
      [202, false],
    ])
  })

  it("has an HTTP control API for other processes", async () => {
    await post(valid)
    const listed = (await (await fetch(`${fake.url}/__fake/messages`)).json()) as { messages: unknown[] }
    expect(listed.messages).toHaveLength(1)
    await fetch(`${fake.url}/__fake/faults`, { method: "POST", body: JSON.stringify({ failNext: 1, status: 500 }) })
    expect((await post(valid)).status).toBe(500)
    await fetch(`${fake.url}/__fake/reset`, { method: "POST" })
    expect(fake.messages()).toEqual([])
  })
})
