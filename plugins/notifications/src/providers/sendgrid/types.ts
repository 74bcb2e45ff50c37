import { z } from "@medusajs/framework/zod"
import { channels, integer, optionalString, optionalUrl, opt, requiredString } from "../shared/options"

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]{2,}$/

export const sendgridOptionsSchema = z.object({
  /** Medusa's channel routing; this provider only sends email. */
  channels: channels(["email"], ["email"]),
  /** SendGrid API key (starts with "SG."). */
  apiKey: requiredString("apiKey").refine((v) => v.startsWith("SG."), {
    error: `${opt("apiKey")} must be a SendGrid API key (it starts with "SG.")`,
  }),
  /** Sender address, verified in SendGrid: "shop@example.com". */
  from: requiredString("from").refine((v) => EMAIL.test(v), {
    error: `${opt("from")} must be an email address such as shop@example.com`,
  }),
  /** Display name of the sender, e.g. the store name. */
  fromName: optionalString("fromName"),
  /** Where replies go, if not to `from`. */
  replyTo: optionalString("replyTo"),
  /** Another API host: SendGrid's EU host, or a local fake in tests. Default https://api.sendgrid.com. */
  baseUrl: optionalUrl("baseUrl"),
  /** Per-request timeout in milliseconds (default 10000). */
  timeoutMs: integer("timeoutMs", 500, 120000, 10000),
  /** SendGrid sandbox mode: validate but never deliver. */
  sandboxMode: z.boolean({ error: `${opt("sandboxMode")} must be true or false` }).default(false),
  /** Categories added to every message, for SendGrid's statistics. */
  categories: z.array(z.string(), { error: `${opt("categories")} must be a list of strings` }).default([]),
})

/** Options of the SendGrid email provider (`@soko/medusa-plugin-notifications/providers/sendgrid`). */
export interface SendgridOptions {
  /** Medusa's channel routing (default ["email"]). */
  channels?: string[]
  /** SendGrid API key, "SG.…". Required. */
  apiKey: string
  /** Verified sender address. Required. */
  from: string
  /** Sender display name, e.g. the store name. */
  fromName?: string
  /** Reply-to address, if not `from`. */
  replyTo?: string
  /** API host: SendGrid's EU host or a local fake. Default https://api.sendgrid.com. */
  baseUrl?: string
  /** Per-request timeout in ms (default 10000). */
  timeoutMs?: number | string
  /** Validate but never deliver (SendGrid sandbox mode). */
  sandboxMode?: boolean
  /** Categories for SendGrid's statistics. */
  categories?: string[]
}
export type ResolvedSendgridOptions = z.output<typeof sendgridOptionsSchema>
