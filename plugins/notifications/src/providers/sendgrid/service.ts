import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import type { NotificationTypes } from "@medusajs/framework/types"
import { describeNetworkError, isRetryableStatus, providerError } from "../shared/errors"
import { emailRecipient, SokoNotificationProvider, type InjectedDependencies } from "../shared/provider-service"
import { SendgridOptions, sendgridOptionsSchema } from "./types"

type SendgridError = {
  code?: number
  response?: { body?: { errors?: { message?: string; field?: string | null }[] } }
}

/** The fields Medusa passes along that the DTO type does not declare. */
type Sendable = NotificationTypes.ProviderSendNotificationDTO & { id?: string; idempotency_key?: string | null }

/**
 * Email through SendGrid's Mail Send API with content Soko rendered
 * (subject, HTML and plain text), so no template has to exist in SendGrid.
 * A notification without content falls back to Medusa's convention:
 * `template` is a SendGrid dynamic template id and `data` its data.
 */
export class SendgridNotificationService extends SokoNotificationProvider<typeof sendgridOptionsSchema> {
  static identifier = "soko-sendgrid"
  static providerName = "SendGrid"
  static optionsSchema = sendgridOptionsSchema

  protected readonly mail_: MailService

  constructor(dependencies: InjectedDependencies, options: SendgridOptions) {
    super(dependencies, options)
    // One client per provider instance: the @sendgrid/mail default export is a
    // process-wide singleton whose key and host other code could change.
    const client = new Client()
    client.setApiKey(this.options_.apiKey)
    if (this.options_.baseUrl) {
      // setApiKey resets the host, so the override comes after it.
      client.setDefaultRequest("baseUrl", this.options_.baseUrl)
    }
    this.mail_ = new MailService()
    this.mail_.setClient(client)
    this.mail_.setTimeout(this.options_.timeoutMs)
  }

  async send(notification: Sendable): Promise<NotificationTypes.ProviderSendNotificationResultsDTO> {
    const to = emailRecipient("SendGrid", notification.to)
    const content = notification.content
    const hasContent = Boolean(content?.html || content?.text)
    if (hasContent && !content?.subject) {
      throw providerError("permanent", "SendGrid: the email has no subject")
    }
    const from = notification.from?.trim() || this.options_.from
    const traceId = notification.idempotency_key ?? notification.id
    const message = {
      to,
      from: { email: from, name: this.options_.fromName },
      ...(this.options_.replyTo ? { replyTo: this.options_.replyTo } : {}),
      ...(hasContent
        ? { subject: content!.subject!, text: content!.text || undefined, html: content!.html || undefined }
        : { templateId: notification.template, dynamicTemplateData: notification.data ?? {} }),
      ...(traceId ? { customArgs: { soko_notification: String(traceId).slice(0, 200) } } : {}),
      ...(this.options_.categories.length ? { categories: this.options_.categories } : {}),
      ...(this.options_.sandboxMode ? { mailSettings: { sandboxMode: { enable: true } } } : {}),
    }
    try {
      const [response] = await this.mail_.send(message as Parameters<MailService["send"]>[0])
      const id = response.headers?.["x-message-id"]
      return { id: typeof id === "string" ? id : undefined }
    } catch (error) {
      throw this.buildError(error)
    }
  }

  protected buildError(error: unknown) {
    const e = error as SendgridError
    if (typeof e?.code === "number" && e.response) {
      const detail = (e.response.body?.errors ?? [])
        .map((x) => (x.field ? `${x.field}: ${x.message}` : x.message))
        .join("; ")
      return providerError(
        isRetryableStatus(e.code) ? "temporary" : "permanent",
        `SendGrid answered ${e.code}: ${detail || "no details"}`
      )
    }
    return providerError("temporary", `SendGrid could not be reached: ${describeNetworkError(error)}`)
  }
}
