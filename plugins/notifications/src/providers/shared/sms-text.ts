import type { NotificationTypes } from "@medusajs/framework/types"
import { providerError } from "./errors"

/**
 * The text of an SMS: the rendered content Soko passes, or, from other
 * callers of the notification module, `data.text` / `data.message`.
 */
export function smsText(provider: string, notification: NotificationTypes.ProviderSendNotificationDTO): string {
  const data = (notification.data ?? {}) as Record<string, unknown>
  const text = notification.content?.text ?? data.text ?? data.message
  if (typeof text !== "string" || !text.trim()) {
    throw providerError(
      "permanent",
      `${provider}: the SMS has no text (pass content.text, or data.text when calling the notification module directly)`
    )
  }
  return text
}
