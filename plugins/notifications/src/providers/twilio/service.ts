import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { normalizePhone } from "../../utils/contact"
import { isRetryableStatus, providerError } from "../shared/errors"
import { postForm } from "../shared/http"
import { parseOptions } from "../shared/options"
import { smsText } from "../shared/sms-text"
import {
  ResolvedTwilioOptions,
  TWILIO_RETRYABLE_CODES,
  TwilioErrorBody,
  TwilioMessageBody,
  TwilioOptions,
  twilioOptionsSchema,
} from "./types"

type InjectedDependencies = { logger: Logger }

/** SMS through Twilio's Messages resource. */
export class TwilioNotificationService extends AbstractNotificationProviderService {
  static identifier = "soko-twilio"

  protected readonly options_: ResolvedTwilioOptions
  protected readonly logger_: Logger
  protected readonly endpoint_: string
  protected readonly authorization_: string

  static validateOptions(options: Record<string, unknown>): void {
    parseOptions("Twilio", twilioOptionsSchema, options)
  }

  constructor({ logger }: InjectedDependencies, options: TwilioOptions) {
    super()
    this.logger_ = logger
    this.options_ = parseOptions("Twilio", twilioOptionsSchema, options)
    const host = this.options_.baseUrl ?? "https://api.twilio.com"
    this.endpoint_ = `${host}/2010-04-01/Accounts/${this.options_.accountSid}/Messages.json`
    this.authorization_ = `Basic ${Buffer.from(`${this.options_.accountSid}:${this.options_.authToken}`).toString("base64")}`
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const to = normalizePhone(notification.to)
    if (!to.ok) {
      throw providerError("permanent", `Twilio: cannot send to ${to.reason}`)
    }
    const answer = await postForm(
      "Twilio",
      this.endpoint_,
      {
        To: to.value,
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
