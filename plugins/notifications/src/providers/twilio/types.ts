import { z } from "@medusajs/framework/zod"
import { channels, integer, optionalString, optionalUrl, opt, requiredString } from "../shared/options"

export const twilioOptionsSchema = z
  .object({
    /** Medusa's channel routing; this provider only sends SMS. */
    channels: channels(["sms"], ["sms"]),
    /** Account SID, "AC" followed by 32 hex characters. */
    accountSid: requiredString("accountSid").refine((v) => /^AC[0-9a-fA-F]{32}$/.test(v), {
      error: `${opt("accountSid")} must be a Twilio account SID ("AC" followed by 32 hex characters)`,
    }),
    /** Auth token of the account. */
    authToken: requiredString("authToken"),
    /** Sending number (E.164) or alphanumeric sender id; or set messagingServiceSid. */
    from: optionalString("from"),
    /** Messaging Service that picks the sender; used instead of `from`. */
    messagingServiceSid: optionalString("messagingServiceSid"),
    /** Delivery status callback URL, if you handle Twilio's status webhooks. */
    statusCallback: optionalUrl("statusCallback"),
    /** API host (default https://api.twilio.com); a local fake in tests. */
    baseUrl: optionalUrl("baseUrl"),
    /** Per-request timeout in milliseconds (default 10000). */
    timeoutMs: integer("timeoutMs", 500, 120000, 10000),
  })
  .refine((o) => Boolean(o.from || o.messagingServiceSid), {
    error: `${opt("from")} or ${opt("messagingServiceSid")} is required`,
    path: ["from"],
  })

/** Options of the Twilio SMS provider (`@soko/medusa-plugin-notifications/providers/twilio`). */
export interface TwilioOptions {
  /** Medusa's channel routing (default ["sms"]). */
  channels?: string[]
  /** Account SID, "AC" + 32 hex characters. Required. */
  accountSid: string
  /** Auth token. Required. */
  authToken: string
  /** Sending number (E.164) or alphanumeric id; this or `messagingServiceSid` is required. */
  from?: string
  /** Messaging Service SID, used instead of `from`. */
  messagingServiceSid?: string
  /** Delivery status webhook URL. */
  statusCallback?: string
  /** API host (default https://api.twilio.com). */
  baseUrl?: string
  /** Per-request timeout in ms (default 10000). */
  timeoutMs?: number | string
}
export type ResolvedTwilioOptions = z.output<typeof twilioOptionsSchema>

export type TwilioErrorBody = { code?: number; message?: string; more_info?: string; status?: number }
export type TwilioMessageBody = { sid?: string; status?: string; error_code?: number | null; error_message?: string | null }

/** Twilio errors a retry cannot fix even though they are not 4xx (none today), and 4xx that it can. */
export const TWILIO_RETRYABLE_CODES = new Set([20429, 20500, 20503, 30001])
