import type { ResolvedOptions } from "../../modules/notifications/options"
import type { MessageDraft } from "../../modules/notifications/types"
import { Channel, isLocale, Locale, TEMPLATES, TemplateId } from "../../templates/catalog"
import type { TemplateOverrides } from "../../templates/overrides"
import { Branding, renderMessage } from "../../templates/render-message"
import { normalizeEmail, normalizePhone } from "../../utils/contact"
import type { NotificationContext } from "./context"
import type { EventPlan } from "./plan-event"
import { phoneCandidates, templateData } from "./template-data"

export type Preference = { sms_opt_out?: boolean; email_opt_out?: boolean; locale?: string | null }

/** "sw", "sw-KE", "sw_TZ" → "sw"; anything else that is not a supported locale → undefined. */
export function toLocale(value: unknown): Locale | undefined {
  if (typeof value !== "string") {
    return undefined
  }
  const base = value.trim().toLowerCase().split(/[-_]/)[0]
  return isLocale(base) ? base : undefined
}

const meta = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" ? (value as Record<string, unknown>) : {}

/**
 * The customer's language: their saved preference, else the order's locale
 * (set from the storefront's language), else what the account or order
 * metadata says, else the store default.
 */
export function pickLocale(context: NotificationContext, preference: Preference | undefined, fallback: Locale): Locale {
  return (
    toLocale(preference?.locale) ??
    toLocale(context.order?.locale) ??
    toLocale(meta(context.customer?.metadata).locale) ??
    toLocale(meta(context.user?.metadata).locale) ??
    toLocale(meta(context.order?.metadata).locale) ??
    fallback
  )
}

export type PlannedMessage = {
  template: TemplateId
  channel: Channel
  audience: "customer" | "merchant"
  to: string
  locale: Locale
  status: "pending" | "failed" | "skipped"
  reason?: string
}

function customerRecipients(
  template: TemplateId,
  context: NotificationContext,
  preference: Preference | undefined,
  options: ResolvedOptions,
  locale: Locale
): PlannedMessage[] {
  const { order, customer, user } = context
  const planned: PlannedMessage[] = []
  const base = { template, audience: "customer" as const, locale }
  const channels = TEMPLATES[template].channels.filter((c) => !options.isDisabled(template, c))
  const transactional = template === "password-reset"

  if (channels.includes("email")) {
    const raw = order?.email ?? customer?.email ?? user?.email
    if (raw) {
      const email = normalizeEmail(raw)
      if (!email.ok) {
        planned.push({ ...base, channel: "email", to: String(raw), status: "failed", reason: `invalid email address: ${email.reason}` })
      } else if (preference?.email_opt_out && !transactional) {
        planned.push({ ...base, channel: "email", to: email.value, status: "skipped", reason: "the customer opted out of email" })
      } else {
        planned.push({ ...base, channel: "email", to: email.value, status: "pending" })
      }
    }
  }

  if (channels.includes("sms") && !user) {
    const candidates = phoneCandidates(order, customer)
    const checked = candidates.map((c) => ({ raw: c, result: normalizePhone(c, options.defaultCountryCode) }))
    const valid = checked.find((c) => c.result.ok)
    const optedOut = preference?.sms_opt_out === true || meta(order?.metadata).sms_opt_out === true
    if (valid && valid.result.ok) {
      planned.push(
        optedOut
          ? { ...base, channel: "sms", to: valid.result.value, status: "skipped", reason: "the customer opted out of SMS" }
          : { ...base, channel: "sms", to: valid.result.value, status: "pending" }
      )
    } else if (checked.length && !optedOut) {
      const first = checked[0]
      planned.push({
        ...base,
        channel: "sms",
        to: first.raw,
        status: "failed",
        reason: `invalid phone number: ${!first.result.ok ? first.result.reason : first.raw}`,
      })
    }
  }
  return planned
}

function merchantRecipients(template: TemplateId, options: ResolvedOptions): PlannedMessage[] {
  const locale = options.merchant.locale ?? options.defaultLocale
  const planned: PlannedMessage[] = []
  const email = options.merchant.email ? normalizeEmail(options.merchant.email) : undefined
  if (email?.ok && !options.isDisabled(template, "email")) {
    planned.push({ template, channel: "email", audience: "merchant", to: email.value, locale, status: "pending" })
  }
  const phone = options.merchant.phone ? normalizePhone(options.merchant.phone, options.defaultCountryCode) : undefined
  if (phone?.ok && !options.isDisabled(template, "sms")) {
    planned.push({ template, channel: "sms", audience: "merchant", to: phone.value, locale, status: "pending" })
  }
  return planned
}

/**
 * Who gets which message on which channel. Pure: decided from the loaded
 * context, the customer's preference and the options. Bad contact details
 * become failed entries and opt-outs skipped ones, so the log says why a
 * message did not go out.
 */
export function planRecipients(
  plan: EventPlan,
  context: NotificationContext,
  preference: Preference | undefined,
  options: ResolvedOptions
): PlannedMessage[] {
  if (!context.order && !context.customer && !context.user) {
    return []
  }
  const locale = pickLocale(context, preference, options.defaultLocale)
  return plan.templates.flatMap((template) => {
    if (TEMPLATES[template].audience === "merchant") {
      return context.order ? merchantRecipients(template, options) : []
    }
    if (template === "welcome" && context.customer?.has_account !== true) {
      return [] // guest checkouts create customers too; only accounts are welcomed
    }
    return customerRecipients(template, context, preference, options, locale)
  })
}

export function idempotencyKey(trigger: string, resourceId: string, template: string, channel: string, to: string) {
  return `${trigger}:${resourceId}:${template}:${channel}:${to}`
}

export type DraftInput = {
  eventName: string
  eventAt?: Date
  plan: EventPlan
  context: NotificationContext
  preference?: Preference
  options: ResolvedOptions
  branding: Branding
  /** Admin overrides from the database; the options' overrides come after them. */
  overrides: TemplateOverrides
}

/** Plans recipients and renders each message into a draft for the log. */
export function buildDrafts(input: DraftInput): MessageDraft[] {
  const { plan, context, options } = input
  const resourceId = plan.resource.kind === "fixed" ? plan.resource.id : context.order?.id
  if (!resourceId) {
    return []
  }
  return planRecipients(plan, context, input.preference, options).map((message) => {
    const data = templateData(message.template, plan, context, message.locale, options)
    const rendered = renderMessage({
      template: message.template,
      locale: message.locale,
      channel: message.channel,
      data,
      branding: input.branding,
      overrides: [input.overrides, options.templates],
      transliterate: options.smsTransliterate,
    })
    const smsMeta =
      rendered.channel === "sms" ? { encoding: rendered.encoding, units: rendered.units, parts: rendered.parts } : {}
    return {
      idempotency_key: idempotencyKey(plan.trigger, resourceId, message.template, message.channel, message.to),
      trigger: plan.trigger,
      event_name: input.eventName,
      template: message.template,
      channel: message.channel,
      locale: message.locale,
      audience: message.audience,
      to: message.to,
      order_id: context.order?.id ?? null,
      customer_id: context.customer?.id ?? context.order?.customer?.id ?? null,
      resource_id: resourceId,
      status: message.status,
      max_attempts: options.retry.maxAttempts,
      last_error: message.reason ?? null,
      failed_at: message.status === "failed" ? new Date() : null,
      event_at: input.eventAt ?? null,
      subject: rendered.channel === "email" ? rendered.subject : null,
      body_text: rendered.text,
      body_html: rendered.channel === "email" ? rendered.html : null,
      data,
      meta: { ...smsMeta, warnings: rendered.warnings },
      resent_from_id: null,
    }
  })
}
