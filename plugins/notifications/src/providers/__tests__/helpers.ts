import type { Logger, NotificationTypes } from "@medusajs/framework/types"
import { failureKind } from "../shared/errors"

export const logger = {
  info: jest.fn(),
  warn: jest.fn(),
  error: jest.fn(),
  debug: jest.fn(),
} as unknown as Logger

export const email = (
  overrides: Partial<NotificationTypes.ProviderSendNotificationDTO> = {}
): NotificationTypes.ProviderSendNotificationDTO => ({
  to: "wanjiku@example.com",
  channel: "email",
  template: "order-placed",
  data: { order_number: "1042" },
  content: { subject: "Order #1042 confirmed", text: "Plain text", html: "<p>Html</p>" },
  ...overrides,
})

export const sms = (
  overrides: Partial<NotificationTypes.ProviderSendNotificationDTO> = {}
): NotificationTypes.ProviderSendNotificationDTO => ({
  to: "0712345678",
  channel: "sms",
  template: "order-placed",
  content: { text: "Soko: order #1042 confirmed" },
  ...overrides,
})

/** The failure class and message of a rejected send. */
export async function failure(promise: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await promise
  } catch (error) {
    const message = (error as Error).message
    return { kind: failureKind(message), message }
  }
  throw new Error("expected the send to fail")
}
