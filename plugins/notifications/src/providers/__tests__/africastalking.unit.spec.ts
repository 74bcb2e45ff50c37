import { AfricasTalkingFake, startAfricasTalkingFake } from "@soko/provider-fakes"
import { AfricasTalkingNotificationService } from "../africastalking"
import { failure, logger, sms } from "./helpers"

describe("Africa's Talking provider against the AT fake", () => {
  let fake: AfricasTalkingFake
  let provider: AfricasTalkingNotificationService

  beforeAll(async () => {
    fake = await startAfricasTalkingFake({
      credentials: { soko: "atsk_test" },
      senderIds: ["SOKO"],
      blacklist: ["+254700000406"],
    })
    provider = new AfricasTalkingNotificationService(
      { logger },
      { username: "soko", apiKey: "atsk_test", senderId: "SOKO", baseUrl: fake.url, timeoutMs: 10_000 }
    )
  })
  afterAll(() => fake.stop())
  beforeEach(() => fake.reset())

  it("sends to the E.164 number with the sender id and returns AT's message id", async () => {
    const result = await provider.send(sms())
    const [message] = fake.messages()
    expect(result).toEqual({ id: message.id })
    expect(message).toEqual(
      expect.objectContaining({ to: "+254712345678", from: "SOKO", text: "Soko: order #1042 confirmed", username: "soko" })
    )
  })

  it("takes the text from data.text when called without content", async () => {
    await provider.send(sms({ content: null, data: { text: "Hello" } }))
    expect(fake.messages()[0].text).toBe("Hello")
    expect(await failure(provider.send(sms({ content: null, data: {} })))).toEqual({
      kind: "permanent",
      message: expect.stringContaining("the SMS has no text"),
    })
  })

  it.each([
    ["a number that is not a phone number", sms({ to: "call me" }), "permanent", /cannot send to "call me" is not a phone number/],
    ["a blacklisted number", sms({ to: "+254700000406" }), "permanent", /refused \+254700000406: UserInBlacklist \(406\)/],
  ])("%s fails permanently", async (_label, notification, kind, message) => {
    expect(await failure(provider.send(notification))).toEqual({ kind, message: expect.stringMatching(message) })
  })

  it("an unregistered sender id is permanent", async () => {
    const other = new AfricasTalkingNotificationService(
      { logger },
      { username: "soko", apiKey: "atsk_test", senderId: "OTHER", baseUrl: fake.url }
    )
    expect((await failure(other.send(sms()))).message).toMatch(/InvalidSenderId \(402\)/)
  })

  it("insufficient balance is temporary (top up, then it goes)", async () => {
    const broke = await startAfricasTalkingFake({ insufficientBalance: true })
    try {
      const p = new AfricasTalkingNotificationService({ logger }, { username: "soko", apiKey: "k", baseUrl: broke.url })
      expect(await failure(p.send(sms()))).toEqual({
        kind: "temporary",
        message: expect.stringContaining("InsufficientBalance (405)"),
      })
    } finally {
      await broke.stop()
    }
  })

  it.each([
    [{ kind: "status", status: 503 } as const, "temporary", /answered 503: Service Unavailable/],
    [{ kind: "status", status: 401 } as const, "permanent", /answered 401: The supplied authentication is invalid/],
    [{ kind: "reset" } as const, "temporary", /could not be reached: network error/],
  ])("classifies %j as %s", async (fault, kind, message) => {
    fake.failNext(1, fault)
    expect(await failure(provider.send(sms()))).toEqual({ kind, message: expect.stringMatching(message) })
  })

  it("gives up after the timeout, as a temporary failure", async () => {
    fake.setFaults({ latencyMs: 1500 })
    const impatient = new AfricasTalkingNotificationService(
      { logger },
      { username: "soko", apiKey: "atsk_test", baseUrl: fake.url, timeoutMs: 500 }
    )
    expect(await failure(impatient.send(sms()))).toEqual({
      kind: "temporary",
      message: expect.stringContaining("no answer before the timeout"),
    })
  })

  it("defaults to AT's sandbox host for the sandbox username, else the live host", () => {
    const sandbox = new AfricasTalkingNotificationService({ logger }, { username: "sandbox", apiKey: "k" })
    const live = new AfricasTalkingNotificationService({ logger }, { username: "soko", apiKey: "k" })
    expect((sandbox as unknown as { endpoint_: string }).endpoint_).toBe(
      "https://api.sandbox.africastalking.com/version1/messaging"
    )
    expect((live as unknown as { endpoint_: string }).endpoint_).toBe("https://api.africastalking.com/version1/messaging")
  })

  it.each([
    [{}, /Option `username` is required.*Option `apiKey` is required/],
    [{ username: " ", apiKey: "k" }, /Option `username` is required/],
    [{ username: "u", apiKey: "k", channels: ["email"] }, /Option `channels` may only contain "sms"/],
  ])("validateOptions(%j) names the bad option", (options, message) => {
    expect(() => AfricasTalkingNotificationService.validateOptions(options)).toThrow(message)
  })
})
