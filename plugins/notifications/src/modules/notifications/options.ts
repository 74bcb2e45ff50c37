import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import { LOCALES, TEMPLATE_IDS, TemplateId, Channel } from "../../templates/catalog"
import { checkOverrides, TemplateOverrides } from "../../templates/overrides"
import { normalizeEmail, normalizePhone } from "../../utils/contact"
import { blankToUndefined, integer, opt, optionalString, optionalUrl } from "../../providers/shared/options"

const locale = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z.enum(LOCALES, { error: `${opt(name)} must be one of ${LOCALES.join(", ")}` }).optional()
  )

const color = z.preprocess(
  blankToUndefined,
  z
    .string({ error: `${opt("branding.primaryColor")} must be a string` })
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
      error: `${opt("branding.primaryColor")} must be a hex colour such as #0f766e`,
    })
    .default("#0f766e")
)

const boolean = (name: string, fallback: boolean) =>
  z.boolean({ error: `${opt(name)} must be true or false` }).default(fallback)

const DISABLE_ENTRY = new RegExp(`^(${TEMPLATE_IDS.join("|")})(:(email|sms))?$`)

const schema = z.object({
  /** Language when neither the customer nor the order chose one: "en" or "sw". */
  defaultLocale: z.preprocess(
    blankToUndefined,
    z.enum(LOCALES, { error: `${opt("defaultLocale")} must be one of ${LOCALES.join(", ")}` }).default("en")
  ),
  branding: z
    .object(
      {
        /** Name in messages; defaults to the Medusa store's name. */
        storeName: optionalString("branding.storeName"),
        logoUrl: optionalUrl("branding.logoUrl"),
        primaryColor: color,
        supportEmail: optionalString("branding.supportEmail"),
        supportPhone: optionalString("branding.supportPhone"),
        address: optionalString("branding.address"),
      },
      { error: `${opt("branding")} must be an object` }
    )
    .default({ primaryColor: "#0f766e" }),
  /** Storefront base URL: order links and the customer password-reset page. */
  storefrontUrl: optionalUrl("storefrontUrl"),
  /**
   * Storefront path of an order page: ":id" is the order id, ":country" the
   * order's shipping (else billing) country code in lower case, ":token" what
   * `orderLinkToken` signs for the order (a guest's proof on the storefront).
   */
  orderPath: z.preprocess(
    blankToUndefined,
    z.string({ error: `${opt("orderPath")} must be a string` }).startsWith("/", { error: `${opt("orderPath")} must start with /` }).default("/account/orders/details/:id")
  ),
  /** Signs the order-link token for ":token" in orderPath (a guest's proof of the order). */
  orderLinkToken: z
    .custom<(orderId: string) => string>((v) => v === undefined || typeof v === "function", {
      error: `${opt("orderLinkToken")} must be a function (orderId) => token`,
    })
    .optional(),
  /** Storefront page where customers choose a new password (gets ?token=…&email=…). */
  resetPasswordPath: z.preprocess(
    blankToUndefined,
    z.string({ error: `${opt("resetPasswordPath")} must be a string` }).startsWith("/", { error: `${opt("resetPasswordPath")} must start with /` }).default("/reset-password")
  ),
  /** Backend URL serving the admin (/app): merchant links and the admin password-reset page. */
  adminUrl: optionalUrl("adminUrl"),
  merchant: z
    .object(
      {
        /** Where the new-order alert email goes. */
        email: optionalString("merchant.email"),
        /** Where the new-order alert SMS goes. */
        phone: optionalString("merchant.phone"),
        locale: locale("merchant.locale"),
      },
      { error: `${opt("merchant")} must be an object` }
    )
    .default({}),
  /** Template overrides: `{ "order-placed": { sw: { sms: "…" } } }`. */
  templates: z.unknown().optional(),
  /** Templates (or template:channel) never sent, e.g. ["welcome:sms", "order-delivered"]. */
  disabled: z
    .array(
      z.string().regex(DISABLE_ENTRY, {
        error: `${opt("disabled")} entries must be a template id, optionally with ":email" or ":sms" (e.g. "welcome:sms")`,
      }),
      { error: `${opt("disabled")} must be a list` }
    )
    .default([]),
  retry: z
    .object(
      {
        /** Attempts per message, the first included. */
        maxAttempts: integer("retry.maxAttempts", 1, 20, 5),
        /** Wait before the second attempt; doubled each time. */
        initialDelayMs: integer("retry.initialDelayMs", 1, 3_600_000, 2_000),
        maxDelayMs: integer("retry.maxDelayMs", 1, 86_400_000, 300_000),
        /** Randomise each wait by ±20% so retries from many messages spread out. */
        jitter: boolean("retry.jitter", true),
        /** A message claimed by a process that stopped is looked at again after this long. */
        leaseMs: integer("retry.leaseMs", 1_000, 3_600_000, 60_000),
      },
      { error: `${opt("retry")} must be an object` }
    )
    .default({ maxAttempts: 5, initialDelayMs: 2_000, maxDelayMs: 300_000, jitter: true, leaseMs: 60_000 }),
  /** Rewrite SMS to GSM-7 where nothing is lost, so one part holds 160 characters. */
  smsTransliterate: boolean("smsTransliterate", true),
  /** Line items listed in an email before "and N more". */
  maxItemsInEmail: integer("maxItemsInEmail", 1, 500, 50),
  /** Country code for phone numbers typed without one. */
  defaultCountryCode: z.preprocess(
    blankToUndefined,
    z.string().regex(/^[1-9]\d{0,3}$/, { error: `${opt("defaultCountryCode")} must be digits such as 254` }).default("254")
  ),
})

export type NotificationsPluginOptions = z.input<typeof schema> & { templates?: TemplateOverrides }

export type ResolvedOptions = Omit<z.output<typeof schema>, "templates"> & {
  templates: TemplateOverrides
  isDisabled: (template: TemplateId, channel: Channel) => boolean
}

/**
 * Validates the plugin options at start-up. Throws one MedusaError naming
 * every bad option, including each broken template override by path
 * (`templates.order-placed.sw.sms: line 1, column 9: unknown variable …`).
 */
export function resolveOptions(raw: unknown): ResolvedOptions {
  const input = raw === undefined || raw === null ? {} : raw
  if (typeof input !== "object" || Array.isArray(input)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Notifications plugin options must be an object")
  }
  const problems: string[] = []
  const result = schema.safeParse(input)
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join(".") || "options"
      problems.push(issue.message.startsWith("Option `") ? issue.message : `${opt(name)} is invalid: ${issue.message}`)
    }
  }
  for (const p of checkOverrides((input as { templates?: unknown }).templates)) {
    problems.push(`${opt(p.path)}: ${p.message}`)
  }
  const parsed = result.success ? result.data : undefined
  if (parsed?.merchant.email && !normalizeEmail(parsed.merchant.email).ok) {
    problems.push(`${opt("merchant.email")} must be an email address`)
  }
  if (parsed?.merchant.phone && !normalizePhone(parsed.merchant.phone, parsed.defaultCountryCode).ok) {
    problems.push(`${opt("merchant.phone")} must be a phone number such as +254712345678`)
  }
  if (parsed?.orderPath.includes(":token") && !parsed.orderLinkToken) {
    problems.push(`${opt("orderPath")} uses :token, so ${opt("orderLinkToken")} must be given (a function signing the order id)`)
  }
  if (parsed && parsed.retry.maxDelayMs < parsed.retry.initialDelayMs) {
    problems.push(`${opt("retry.maxDelayMs")} must not be smaller than retry.initialDelayMs`)
  }
  if (problems.length || !parsed) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Notifications plugin: ${[...new Set(problems)].join("; ")}`
    )
  }
  const disabled = new Set(parsed.disabled)
  return {
    ...parsed,
    templates: ((input as { templates?: TemplateOverrides }).templates ?? {}) as TemplateOverrides,
    isDisabled: (template, channel) => disabled.has(template) || disabled.has(`${template}:${channel}`),
  }
}
