import { SendgridFake, startSendgridFake } from "@soko/provider-fakes"
import { SendgridNotificationService } from "../sendgrid"
import { email, failure, logger } from "./helpers"

describe("SendGrid provider against the SendGrid fake", () => {
  let fake: SendgridFake
  let provider: SendgridNotificationService

  beforeAll(async () => {
    fake = await startSendgridFake({ apiKeys: ["SG.test"] })
    provider = new SendgridNotificationService(
      { logger },
      { apiKey: "SG.test", from: "shop@example.com", fromName: "Soko Demo Shop", baseUrl: fake.url, timeoutMs: 10_000 }
    )
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  it("sends Soko's rendered subject, text and HTML, and returns SendGrid's message id", async () => {
    const result = await provider.send({ ...email(), id: "noti_1", idempotency_key: "order.placed:o1" } as never)
    const [message] = fake.messages()
    expect(result).toEqual({ id: message.id })
    expect(message).toEqual(
      expect.objectContaining({
        to: ["wanjiku@example.com"],
        from: "shop@example.com",
        fromName: "Soko Demo Shop",
        subject: "Order #1042 confirmed",
        text: "Plain text",
        html: "<p>Html</p>",
        customArgs: { soko_notification: "order.placed:o1" },
        templateId: undefined,
      })
    )
  })

  it("without content, uses `template` as a SendGrid dynamic template (Medusa's convention)", async () => {
    await provider.send(email({ content: null, template: "d-123", data: { name: "A" } }))
    expect(fake.messages()[0]).toEqual(
      expect.objectContaining({ templateId: "d-123", dynamicTemplateData: { name: "A" }, subject: undefined })
    )
  })

  it("refuses a malformed address before calling SendGrid", async () => {
    expect(await failure(provider.send(email({ to: "not-an-email" })))).toEqual({
      kind: "permanent",
      message: expect.stringContaining('"not-an-email" is not an email address'),
    })
    expect(fake.requests()).toEqual([])
  })

  it.each([
    [{ kind: "status", status: 503 } as const, "temporary", /SendGrid answered 503: internal error/],
    [{ kind: "status", status: 429 } as const, "temporary", /SendGrid answered 429: too many requests/],
    [{ kind: "status", status: 401 } as const, "permanent", /SendGrid answered 401/],
    [{ kind: "reset" } as const, "temporary", /SendGrid could not be reached: network error/],
  ])("classifies %j as %s", async (fault, kind, message) => {
    fake.failNext(1, fault)
    expect(await failure(provider.send(email()))).toEqual({ kind, message: expect.stringMatching(message) })
    await provider.send(email())
    expect(fake.messages()).toHaveLength(1)
  })

  it("reports SendGrid's validation errors as permanent, field by field", async () => {
    const bad = new SendgridNotificationService(
      { logger },
      { apiKey: "SG.test", from: "shop@example.com", baseUrl: fake.url }
    )
    const result = await failure(bad.send(email({ content: { subject: "", text: "x" } })))
    expect(result.kind).toBe("permanent")
    expect(result.message).toMatch(/no subject/)
  })

  it("rejects a wrong key as permanent", async () => {
    const wrong = new SendgridNotificationService({ logger }, { apiKey: "SG.wrong", from: "shop@example.com", baseUrl: fake.url })
    expect(await failure(wrong.send(email()))).toEqual({
      kind: "permanent",
      message: expect.stringContaining("The provided authorization grant is invalid"),
    })
  })

  it.each([
    [{}, /Option `apiKey` is required.*Option `from` is required/],
    [{ apiKey: "key", from: "shop@example.com" }, /Option `apiKey` must be a SendGrid API key/],
    [{ apiKey: "SG.x", from: "shop" }, /Option `from` must be an email address/],
    [{ apiKey: "SG.x", from: "a@b.co", baseUrl: "localhost:1" }, /Option `baseUrl` must be an absolute http\(s\) URL/],
    [{ apiKey: "SG.x", from: "a@b.co", channels: ["sms"] }, /Option `channels` may only contain "email"/],
    [{ apiKey: "SG.x", from: "a@b.co", timeoutMs: "soon" }, /Option `timeoutMs` must be a whole number/],
  ])("validateOptions(%j) names the bad option", (options, message) => {
    expect(() => SendgridNotificationService.validateOptions(options)).toThrow(message)
  })

  it("never echoes the API key in option errors", () => {
    expect(() => SendgridNotificationService.validateOptions({ apiKey: "secret-value", from: "x" })).not.toThrow(/secret-value/)
  })
})
