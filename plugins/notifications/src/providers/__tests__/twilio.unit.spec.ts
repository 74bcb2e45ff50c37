import { startTwilioFake, TwilioFake } from "@soko/provider-fakes"
import { TwilioNotificationService } from "../twilio"
import { failure, logger, sms } from "./helpers"

const SID = "AC" + "a".repeat(32)

describe("Twilio provider against the Twilio fake", () => {
  let fake: TwilioFake
  let provider: TwilioNotificationService

  beforeAll(async () => {
    fake = await startTwilioFake({ credentials: { [SID]: "token" }, fromNumbers: ["+15005550006"] })
    provider = new TwilioNotificationService(
      { logger },
      { accountSid: SID, authToken: "token", from: "+15005550006", baseUrl: fake.url, timeoutMs: 10_000 }
    )
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  it("creates a message and returns its SID", async () => {
    const result = await provider.send(sms())
    const [message] = fake.messages()
    expect(result).toEqual({ id: message.sid })
    expect(message).toEqual(
      expect.objectContaining({ to: "+254712345678", from: "+15005550006", body: "Soko: order #1042 confirmed", accountSid: SID })
    )
  })

  it("uses a messaging service instead of From when configured", async () => {
    const viaService = new TwilioNotificationService(
      { logger },
      { accountSid: SID, authToken: "token", messagingServiceSid: "MG1", baseUrl: fake.url }
    )
    await viaService.send(sms())
    expect(fake.messages()[0]).toEqual(expect.objectContaining({ messagingServiceSid: "MG1", from: undefined }))
  })

  it.each([
    [{ kind: "status", status: 503 } as const, "temporary", /Twilio answered 503 \(20503\): Service Unavailable/],
    [{ kind: "status", status: 429 } as const, "temporary", /Twilio answered 429 \(20429\)/],
    [{ kind: "reset" } as const, "temporary", /could not be reached/],
  ])("classifies %j as %s", async (fault, kind, message) => {
    fake.failNext(1, fault)
    expect(await failure(provider.send(sms()))).toEqual({ kind, message: expect.stringMatching(message) })
  })

  it("bad credentials and a foreign From are permanent, with Twilio's code", async () => {
    const wrong = new TwilioNotificationService({ logger }, { accountSid: SID, authToken: "nope", from: "+15005550006", baseUrl: fake.url })
    expect(await failure(wrong.send(sms()))).toEqual({ kind: "permanent", message: expect.stringContaining("401 (20003)") })
    const foreign = new TwilioNotificationService({ logger }, { accountSid: SID, authToken: "token", from: "+15550000000", baseUrl: fake.url })
    expect(await failure(foreign.send(sms()))).toEqual({ kind: "permanent", message: expect.stringContaining("(21606)") })
  })

  it.each([
    [{ authToken: "t", from: "+1" }, /Option `accountSid` is required/],
    [{ accountSid: "AC123", authToken: "t", from: "+1" }, /Option `accountSid` must be a Twilio account SID/],
    [{ accountSid: SID, authToken: "t" }, /Option `from` or Option `messagingServiceSid` is required/],
  ])("validateOptions(%j) names the bad option", (options, message) => {
    expect(() => TwilioNotificationService.validateOptions(options)).toThrow(message)
  })
})
