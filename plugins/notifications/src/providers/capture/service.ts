import { randomUUID } from "node:crypto"
import type { NotificationTypes } from "@medusajs/framework/types"
import { maskPhone } from "../../utils/contact"
import { emailRecipient, smsRecipient, SokoNotificationProvider, type InjectedDependencies } from "../shared/provider-service"
import { smsText } from "../shared/sms-text"
import { captureOptionsSchema, CaptureOptions } from "./types"

/**
 * The embedded default: accepts email and SMS without sending anything. The
 * rendered message is kept in the notification log, where the admin shows it.
 * Recipients are checked like a real provider would, so a bad address shows
 * up in development too.
 */
export class CaptureNotificationService extends SokoNotificationProvider<typeof captureOptionsSchema> {
  static identifier = "soko-capture"
  static providerName = "Capture"
  static optionsSchema = captureOptionsSchema

  constructor(dependencies: InjectedDependencies, options: CaptureOptions) {
    super(dependencies, options)
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const id = `capture_${randomUUID()}`
    if (notification.channel === "sms") {
      const to = smsRecipient("Capture", notification.to)
      const text = smsText("Capture", notification)
      if (this.options_.log) {
        this.logger_.info(`[notifications] captured SMS to ${maskPhone(to)}: ${text.slice(0, 60)}`)
      }
      return { id }
    }
    const to = emailRecipient("Capture", notification.to)
    if (this.options_.log) {
      const subject = notification.content?.subject ?? notification.template
      this.logger_.info(`[notifications] captured email to ${to}: ${subject}`)
    }
    return { id }
  }
}
