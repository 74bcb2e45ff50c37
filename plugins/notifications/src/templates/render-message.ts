import { shorten, toGsm7 } from "../utils/gsm"
import { smsLength, SmsEncoding } from "../utils/sms-length"
import { Channel, Locale, TEMPLATES, TemplateId, TemplatePart } from "./catalog"
import { CompiledTemplate, compileTemplate, TemplateData } from "./engine"
import { emailLayout } from "./layout"
import type { TemplateOverrides } from "./overrides"
import { CONTENT, defaultSources } from "./sources"

export type Branding = {
  storeName: string
  storeUrl?: string
  logoUrl?: string
  /** CSS colour of the header and buttons, e.g. "#0f766e". */
  primaryColor: string
  supportEmail?: string
  supportPhone?: string
  /** Postal address for the email footer. */
  address?: string
}

export type RenderInput = {
  template: TemplateId
  locale: Locale
  channel: Channel
  data: TemplateData
  branding: Branding
  /** Override layers, the first that defines a part wins (admin, then options). */
  overrides?: TemplateOverrides[]
  /** Rewrite SMS text to GSM-7 where nothing is lost (default true). */
  transliterate?: boolean
}

export type RenderedEmail = {
  channel: "email"
  subject: string
  html: string
  text: string
  warnings: string[]
}

export type RenderedSms = {
  channel: "sms"
  text: string
  encoding: SmsEncoding
  units: number
  parts: number
  warnings: string[]
}

export type RenderedMessage = RenderedEmail | RenderedSms

const cache = new Map<string, CompiledTemplate>()

function compile(source: string, template: TemplateId, part: TemplatePart | "layout"): CompiledTemplate {
  const key = `${template}\u0000${part}\u0000${source}`
  let compiled = cache.get(key)
  if (!compiled) {
    if (cache.size > 1000) {
      cache.clear()
    }
    compiled = compileTemplate(
      source,
      { variables: TEMPLATES[template].variables, html: part === "html" },
      `${template} ${part}`
    )
    cache.set(key, compiled)
  }
  return compiled
}

/**
 * Picks the source of one part (first override layer that has it, else the
 * built-in) and compiles it. An override that no longer compiles (edited in
 * the database by hand, say) or that hits a render limit falls back to the
 * built-in with a warning: a message always goes out.
 */
function part(input: RenderInput, name: TemplatePart, warnings: string[]): CompiledTemplate {
  for (const layer of input.overrides ?? []) {
    const source = layer?.[input.template]?.[input.locale]?.[name]
    if (typeof source === "string") {
      try {
        const override = compile(source, input.template, name)
        return {
          render: (data, mode) => {
            try {
              return override.render(data, mode)
            } catch (error) {
              warnings.push(`override of ${name} ignored: ${(error as Error).message}`)
              return builtIn(input, name).render(data, mode)
            }
          },
        }
      } catch (error) {
        warnings.push(`override of ${name} ignored: ${(error as Error).message}`)
      }
    }
  }
  return builtIn(input, name)
}

const builtIn = (input: RenderInput, name: TemplatePart) =>
  compile(defaultSources(input.template, input.locale)[name], input.template, name)

function brandData(branding: Branding): TemplateData {
  return {
    store_name: branding.storeName,
    store_url: branding.storeUrl ?? "",
    support_email: branding.supportEmail ?? "",
    support_phone: branding.supportPhone ?? "",
    brand_color: branding.primaryColor,
  }
}

const tidyText = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim()

function renderEmail(input: RenderInput, data: TemplateData): RenderedEmail {
  const warnings: string[] = []
  const subject = oneLine(part(input, "subject", warnings).render(data, "text"))
  const text = tidyText(part(input, "text", warnings).render(data, "text"))
  const body = part(input, "html", warnings).render(data, "html")
  if (/<html[\s>]/i.test(body)) {
    return { channel: "email", subject, html: body, text, warnings }
  }
  const layout = CONTENT[input.locale].layout
  const layoutPart = (source: string) => compile(source, input.template, "layout").render(data, "html")
  const html = emailLayout({
    lang: input.locale,
    subject,
    body,
    storeName: input.branding.storeName,
    storeUrl: input.branding.storeUrl,
    logoUrl: input.branding.logoUrl,
    brandColor: input.branding.primaryColor,
    address: input.branding.address,
    help: layoutPart(layout.help),
    footer: layoutPart(layout.footer),
    preheader: text.split("\n\n")[1]?.slice(0, 140),
  })
  return { channel: "email", subject, html, text, warnings }
}

/** Values that may be cut to keep an SMS in one part; order matters least. */
const SHORTENABLE = [
  "customer_first_name",
  "customer_name",
  "store_name",
  "failure_reason",
  "cancel_reason",
  "refund_reason",
  "carrier",
  "shipping_method",
]

/** Details the SMS templates only show when present, so they can go entirely. */
const DROPPABLE = new Set(["failure_reason", "cancel_reason", "refund_reason", "carrier", "shipping_method"])

function renderSms(input: RenderInput, data: TemplateData): RenderedSms {
  const warnings: string[] = []
  const compiled = part(input, "sms", warnings)
  const transliterate = input.transliterate !== false
  const make = (values: TemplateData) => {
    const raw = oneLine(compiled.render(values, "text"))
    const text = transliterate ? toGsm7(raw) : raw
    return { text, ...smsLength(text) }
  }
  const full = make(data)
  if (full.parts === 1) {
    return { channel: "sms", ...full, warnings }
  }
  // Long names or reasons push a message into a second part (billed twice);
  // cut them progressively before giving up and sending the full text.
  // Last resort: drop the optional detail (reasons) the templates show only {% if %} present.
  for (const max of [24, 16, 10, 0]) {
    const shortened = { ...data }
    for (const key of SHORTENABLE) {
      if (typeof shortened[key] === "string") {
        shortened[key] = max === 0 ? (DROPPABLE.has(key) ? "" : shorten(shortened[key] as string, 10)) : shorten(shortened[key] as string, max)
      }
    }
    const attempt = make(shortened)
    if (attempt.parts === 1) {
      return { channel: "sms", ...attempt, warnings }
    }
  }
  warnings.push(`the SMS needs ${full.parts} parts (${full.units} ${full.encoding} characters)`)
  return { channel: "sms", ...full, warnings }
}

/** Renders one message of a template, in a locale, for a channel. */
export function renderMessage(input: RenderInput): RenderedMessage {
  const data: TemplateData = { ...input.data, ...brandData(input.branding) }
  if (input.data.store_name) {
    data.store_name = input.data.store_name
  }
  return input.channel === "email" ? renderEmail(input, data) : renderSms(input, data)
}
