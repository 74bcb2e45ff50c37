import type { NotificationTypes } from "@medusajs/framework/types"
import { isRetryableStatus, providerError } from "../shared/errors"
import { postForm } from "../shared/http"
import { smsRecipient, SokoNotificationProvider, type InjectedDependencies } from "../shared/provider-service"
import { smsText } from "../shared/sms-text"
import {
  TWILIO_RETRYABLE_CODES,
  TwilioErrorBody,
  TwilioMessageBody,
  TwilioOptions,
  twilioOptionsSchema,
} from "./types"

/** SMS through Twilio's Messages resource. */
export class TwilioNotificationService extends SokoNotificationProvider<typeof twilioOptionsSchema> {
  static identifier = "soko-twilio"
  static providerName = "Twilio"
  static optionsSchema = twilioOptionsSchema

  protected readonly endpoint_: string
  protected readonly authorization_: string

  constructor(dependencies: InjectedDependencies, options: TwilioOptions) {
    super(dependencies, options)
    const host = this.options_.baseUrl ?? "https://api.twilio.com"
    this.endpoint_ = `${host}/2010-04-01/Accounts/${this.options_.accountSid}/Messages.json`
    this.authorization_ = `Basic ${Buffer.from(`${this.options_.accountSid}:${this.options_.authToken}`).toString("base64")}`
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const to = smsRecipient("Twilio", notification.to)
    const answer = await postForm(
      "Twilio",
      this.endpoint_,
      {
        To: to,
        Body: smsText("Twilio", notification),
        ...(this.options_.messagingServiceSid
          ? { MessagingServiceSid: this.options_.messagingServiceSid }
          : { From: this.options_.from }),
        StatusCallback: this.options_.statusCallback,
      },
      { authorization: this.authorization_ },
      this.options_.timeoutMs
    )
    if (answer.status === 201 || answer.status === 200) {
      const body = answer.json as TwilioMessageBody | undefined
      if (body?.sid && !body.error_code) {
        return { id: body.sid }
      }
      throw providerError(
        "temporary",
        `Twilio accepted the request but returned no message sid: ${answer.text.slice(0, 200)}`
      )
    }
    const error = (answer.json ?? {}) as TwilioErrorBody
    const retry = isRetryableStatus(answer.status) || TWILIO_RETRYABLE_CODES.has(error.code ?? 0)
    throw providerError(
      retry ? "temporary" : "permanent",
      `Twilio answered ${answer.status}${error.code ? ` (${error.code})` : ""}: ${error.message ?? answer.text.slice(0, 200)}`
    )
  }
}
