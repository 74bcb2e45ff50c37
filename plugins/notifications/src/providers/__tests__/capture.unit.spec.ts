import { CaptureNotificationService } from "../capture"
import { failureKind, failureReason } from "../shared/errors"
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

describe("failure classes", () => {
  it.each([
    ["Failed to send notification with id noti_1:\n[temporary] SendGrid answered 503: x", "temporary", "SendGrid answered 503: x"],
    ["Failed to send notification with id noti_1:\n[permanent] Twilio answered 400 (21211): bad To", "permanent", "Twilio answered 400 (21211): bad To"],
    ["Could not find a notification provider for channel: sms for notification id noti_1", "permanent", "Could not find a notification provider for channel: sms for notification id noti_1"],
    ["Notification provider capture is not enabled. To enable it, configure it", "permanent", "Notification provider capture is not enabled. To enable it, configure it"],
    ["connect ECONNREFUSED", "temporary", "connect ECONNREFUSED"],
  ])("%p is %s", (message, kind, reason) => {
    expect(failureKind(message)).toBe(kind)
    expect(failureReason(message)).toBe(reason)
  })
})
