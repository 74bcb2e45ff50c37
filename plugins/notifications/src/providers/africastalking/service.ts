import type { NotificationTypes } from "@medusajs/framework/types"
import { providerError } from "../shared/errors"
import { postForm, statusError } from "../shared/http"
import { smsRecipient, SokoNotificationProvider, type InjectedDependencies } from "../shared/provider-service"
import { smsText } from "../shared/sms-text"
import {
  AFRICASTALKING_URLS,
  AfricasTalkingOptions,
  africastalkingOptionsSchema,
  AT_RECIPIENT_STATUS,
  AtSendResponse,
} from "./types"

/**
 * SMS through Africa's Talking (the Kenyan default): one POST to
 * /version1/messaging per message. Success is judged per recipient, as the
 * API answers 201 even when the number was refused.
 */
export class AfricasTalkingNotificationService extends SokoNotificationProvider<typeof africastalkingOptionsSchema> {
  static identifier = "soko-africastalking"
  static providerName = "Africa's Talking"
  static optionsSchema = africastalkingOptionsSchema

  protected readonly endpoint_: string

  constructor(dependencies: InjectedDependencies, options: AfricasTalkingOptions) {
    super(dependencies, options)
    const host =
      this.options_.baseUrl ??
      (this.options_.username === "sandbox" ? AFRICASTALKING_URLS.sandbox : AFRICASTALKING_URLS.live)
    this.endpoint_ = `${host}/version1/messaging`
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const to = smsRecipient("Africa's Talking", notification.to)
    const message = smsText("Africa's Talking", notification)
    const answer = await postForm(
      "Africa's Talking",
      this.endpoint_,
      { username: this.options_.username, to, message, from: this.options_.senderId },
      { apiKey: this.options_.apiKey },
      this.options_.timeoutMs
    )
    if (answer.status !== 200 && answer.status !== 201) {
      throw statusError("Africa's Talking", answer.status, answer.text)
    }
    const recipient = (answer.json as AtSendResponse | undefined)?.SMSMessageData?.Recipients?.[0]
    if (!recipient || typeof recipient.statusCode !== "number") {
      throw providerError(
        "temporary",
        `Africa's Talking answered ${answer.status} without a recipient status: ${answer.text.slice(0, 200)}`
      )
    }
    const status = AT_RECIPIENT_STATUS[recipient.statusCode]
    if (status?.sent) {
      return { id: recipient.messageId }
    }
    throw providerError(
      status?.retry === false ? "permanent" : "temporary",
      `Africa's Talking refused ${to}: ${recipient.status ?? status?.name ?? "unknown"} (${recipient.statusCode})`
    )
  }
}
