import { z } from "@medusajs/framework/zod"
import { channels, opt } from "../shared/options"

export const captureOptionsSchema = z.object({
  /** Channels this provider captures instead of sending: email, sms or both. */
  channels: channels(["email", "sms"], ["email", "sms"]),
  /** Log one line per captured message (recipient and subject or first words). */
  log: z.boolean({ error: `${opt("log")} must be true or false` }).default(true),
})

/** Options of the local capture provider (`@soko/medusa-plugin-notifications/providers/capture`). */
export interface CaptureOptions {
  /** Channels captured instead of sent (default ["email", "sms"]). */
  channels?: string[]
  /** Log one line per captured message (default true). */
  log?: boolean
}
