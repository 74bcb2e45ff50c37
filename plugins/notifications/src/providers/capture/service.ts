import { randomUUID } from "node:crypto"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { maskPhone, normalizeEmail, normalizePhone } from "../../utils/contact"
import { providerError } from "../shared/errors"
import { parseOptions } from "../shared/options"
import { smsText } from "../shared/sms-text"
import { captureOptionsSchema, CaptureOptions } from "./types"

type InjectedDependencies = { logger: Logger }

/**
 * The embedded default: accepts email and SMS without sending anything. The
 * rendered message is kept in the notification log, where the admin shows it.
 * Recipients are checked like a real provider would, so a bad address shows
 * up in development too.
 */
export class CaptureNotificationService extends AbstractNotificationProviderService {
  static identifier = "soko-capture"

  protected readonly logger_: Logger
  protected readonly log_: boolean

  static validateOptions(options: Record<string, unknown>): void {
    parseOptions("Capture", captureOptionsSchema, options)
  }

  constructor({ logger }: InjectedDependencies, options: CaptureOptions) {
    super()
    this.logger_ = logger
    this.log_ = parseOptions("Capture", captureOptionsSchema, options).log
  }

  async send(
    notification: NotificationTypes.ProviderSendNotificationDTO
  ): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const id = `capture_${randomUUID()}`
    if (notification.channel === "sms") {
      const to = normalizePhone(notification.to)
      if (!to.ok) {
        throw providerError("permanent", `Capture: cannot send an SMS to ${to.reason}`)
      }
      const text = smsText("Capture", notification)
      if (this.log_) {
        this.logger_.info(`[notifications] captured SMS to ${maskPhone(to.value)}: ${text.slice(0, 60)}`)
      }
      return { id }
    }
    const to = normalizeEmail(notification.to)
    if (!to.ok) {
      throw providerError("permanent", `Capture: cannot send an email to ${to.reason}`)
    }
    if (this.log_) {
      const subject = notification.content?.subject ?? notification.template
      this.logger_.info(`[notifications] captured email to ${to.value}: ${subject}`)
    }
    return { id }
  }
}
