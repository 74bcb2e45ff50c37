import { z } from "@medusajs/framework/zod"
import { channels, integer, optionalString, optionalUrl, requiredString } from "../shared/options"

export const AFRICASTALKING_URLS = {
  live: "https://api.africastalking.com",
  sandbox: "https://api.sandbox.africastalking.com",
} as const

export const africastalkingOptionsSchema = z.object({
  /** Medusa's channel routing; this provider only sends SMS. */
  channels: channels(["sms"], ["sms"]),
  /** Africa's Talking app username ("sandbox" for the sandbox app). */
  username: requiredString("username"),
  /** The app's API key. */
  apiKey: requiredString("apiKey"),
  /** Registered alphanumeric sender id or short code; the account default when unset. */
  senderId: optionalString("senderId"),
  /** API host; defaults to the sandbox host for username "sandbox", else the live host. */
  baseUrl: optionalUrl("baseUrl"),
  /** Per-request timeout in milliseconds (default 10000). */
  timeoutMs: integer("timeoutMs", 500, 120000, 10000),
})

/** Options of the Africa's Talking SMS provider (`@soko/medusa-plugin-notifications/providers/africastalking`). */
export interface AfricasTalkingOptions {
  /** Medusa's channel routing (default ["sms"]). */
  channels?: string[]
  /** App username ("sandbox" for the sandbox app). Required. */
  username: string
  /** App API key. Required. */
  apiKey: string
  /** Registered sender id or short code; the account default when unset. */
  senderId?: string
  /** API host; defaults to the sandbox host for username "sandbox", else the live host. */
  baseUrl?: string
  /** Per-request timeout in ms (default 10000). */
  timeoutMs?: number | string
}
export type ResolvedAfricasTalkingOptions = z.output<typeof africastalkingOptionsSchema>

/**
 * Per-recipient status codes of the messaging API, and whether trying again
 * later can help: a bad number will stay bad, a busy gateway will not.
 */
export const AT_RECIPIENT_STATUS: Record<number, { name: string; retry: boolean; sent?: boolean }> = {
  100: { name: "Processed", retry: false, sent: true },
  101: { name: "Sent", retry: false, sent: true },
  102: { name: "Queued", retry: false, sent: true },
  401: { name: "RiskHold", retry: true },
  402: { name: "InvalidSenderId", retry: false },
  403: { name: "InvalidPhoneNumber", retry: false },
  404: { name: "UnsupportedNumberType", retry: false },
  405: { name: "InsufficientBalance", retry: true },
  406: { name: "UserInBlacklist", retry: false },
  407: { name: "CouldNotRoute", retry: true },
  409: { name: "DoNotDisturbRejection", retry: false },
  500: { name: "InternalServerError", retry: true },
  501: { name: "GatewayError", retry: true },
  502: { name: "RejectedByGateway", retry: true },
}

export type AtRecipient = {
  statusCode?: number
  number?: string
  status?: string
  cost?: string
  messageId?: string
}

export type AtSendResponse = { SMSMessageData?: { Message?: string; Recipients?: AtRecipient[] } }
