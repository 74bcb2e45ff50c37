import { CaptureNotificationService } from "../capture"
import { email, failure, logger, sms } from "./helpers"

describe("capture provider (embedded default)", () => {
  const provider = new CaptureNotificationService({ logger }, { channels: ["email", "sms"] })

  it("accepts email and SMS without sending, returning a capture id", async () => {
    expect(await provider.send(email())).toEqual({ id: expect.stringMatching(/^capture_/) })
    expect(await provider.send(sms())).toEqual({ id: expect.stringMatching(/^capture_/) })
    expect(logger.info).toHaveBeenCalledWith("[notifications] captured SMS to +2547*****678: Soko: order #1042 confirmed")
  })

  it("checks recipients like a real provider", async () => {
    expect(await failure(provider.send(email({ to: "nope" })))).toEqual({
      kind: "permanent",
      message: expect.stringContaining('"nope" is not an email address'),
    })
    expect(await failure(provider.send(sms({ to: "12" })))).toEqual({
      kind: "permanent",
      message: expect.stringContaining("not a Kenyan mobile number"),
    })
  })

  it("validates its options", () => {
    expect(() => CaptureNotificationService.validateOptions({ channels: ["fax"] })).toThrow(
      /Option `channels` may only contain "email", "sms"/
    )
    expect(() => CaptureNotificationService.validateOptions({ log: "yes" })).toThrow(/Option `log` must be true or false/)
  })
})
