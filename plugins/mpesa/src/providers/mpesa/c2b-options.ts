import { z } from "@medusajs/framework/zod"
import { C2B_ACCOUNT_FORMATS } from "../../utils/c2b-account"
import { normalizeKenyanPhone } from "../../utils/phone"
import { QR_MERCHANT_NAME, QR_MERCHANT_NAME_MAX_LENGTH } from "./qr-client"
import type { ResolvedC2bOptions } from "./types"

const opt = (name: string) => `Option \`${name}\``

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value)

/** Booleans from config, or env strings ("true", "1", "off"…). */
const flag = (name: string) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value)
      if (typeof blank !== "string") {
        return blank
      }
      const text = blank.trim().toLowerCase()
      return ["true", "1", "yes", "on"].includes(text) ? true : ["false", "0", "no", "off"].includes(text) ? false : blank
    },
    z.boolean({ error: `${opt(name)} must be true or false` }).optional()
  )

const integer = (name: string, min: number, max: number) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value)
      return typeof blank === "string" && /^\s*\d+\s*$/.test(blank) ? Number(blank) : blank
    },
    z
      .number({ error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .int({ error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .min(min, { error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .max(max, { error: `${opt(name)} must be a whole number from ${min} to ${max}` })
      .optional()
  )

/** The C2B options' part of the provider's schema (flat, like the B2C ones). */
export const c2bOptionFields = {
  c2bShortcode: z.preprocess(
    blankToUndefined,
    z
      .union([z.string(), z.number()], { error: `${opt("c2bShortcode")} must be 5 to 8 digits` })
      .transform((value) => String(value).trim())
      .refine((value) => /^\d{5,8}$/.test(value), { error: `${opt("c2bShortcode")} must be 5 to 8 digits` })
      .optional()
  ),
  c2bType: z.preprocess(
    blankToUndefined,
    z.enum(["paybill", "till"], { error: `${opt("c2bType")} must be "paybill" or "till"` }).optional()
  ),
  c2bAccountFormat: z.preprocess(
    blankToUndefined,
    z
      .enum(C2B_ACCOUNT_FORMATS, { error: `${opt("c2bAccountFormat")} must be one of ${C2B_ACCOUNT_FORMATS.join(", ")}` })
      .optional()
  ),
  c2bValidation: flag("c2bValidation"),
  c2bPullTransactions: flag("c2bPullTransactions"),
  // The message never repeats the number: start-up errors end up in logs.
  c2bPullNominatedNumber: z.preprocess(
    blankToUndefined,
    z
      .union([z.string(), z.number()], { error: `${opt("c2bPullNominatedNumber")} must be a Kenyan mobile number, e.g. 0712 345 678` })
      .transform((value, ctx) => {
        const phone = normalizeKenyanPhone(value)
        if (!phone.ok) {
          ctx.addIssue({ code: "custom", message: `${opt("c2bPullNominatedNumber")} must be a Kenyan mobile number (the merchant's M-Pesa phone), e.g. 0712 345 678` })
          return z.NEVER
        }
        return phone.msisdn
      })
      .optional()
  ),
  c2bPullWindowHours: integer("c2bPullWindowHours", 1, 48),
  c2bTillWindowMinutes: integer("c2bTillWindowMinutes", 5, 1440),
  // What the shopper's app shows after scanning the QR code; Daraja refuses
  // odd characters in it, so it is checked here rather than at the first scan.
  c2bMerchantName: z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${opt("c2bMerchantName")} must be a string` })
      .trim()
      .refine((value) => value.length <= QR_MERCHANT_NAME_MAX_LENGTH, {
        error: `${opt("c2bMerchantName")} must be at most ${QR_MERCHANT_NAME_MAX_LENGTH} characters`,
      })
      .refine((value) => QR_MERCHANT_NAME.test(value), {
        error: `${opt("c2bMerchantName")} may only contain letters, digits, spaces and . , ' & -`,
      })
      .optional()
  ),
}

type C2bFields = {
  c2bShortcode?: string
  c2bType?: "paybill" | "till"
  c2bAccountFormat?: (typeof C2B_ACCOUNT_FORMATS)[number]
  c2bValidation?: boolean
  c2bPullTransactions?: boolean
  c2bPullNominatedNumber?: string
  c2bPullWindowHours?: number
  c2bTillWindowMinutes?: number
  c2bMerchantName?: string
}

const C2B_DEFAULTS = { type: "paybill", accountFormat: "both", validation: false, pullTransactions: false, pullWindowHours: 24, tillWindowMinutes: 60 } as const

/**
 * C2B (paybill/till payments made without a prompt) is on when
 * `c2bShortcode` is set; its other options alone are a mistake worth
 * stopping for, as with the B2C ones.
 */
export function c2bProblems(o: C2bFields): string[] {
  const problems: string[] = []
  const others = (Object.keys(c2bOptionFields) as (keyof C2bFields)[]).filter((k) => k !== "c2bShortcode" && o[k] !== undefined)
  if (!o.c2bShortcode && others.length > 0) {
    problems.push(`${opt("c2bShortcode")} is required when ${others.join(", ")} ${others.length > 1 ? "are" : "is"} set`)
  }
  if (o.c2bShortcode && o.c2bPullTransactions && !o.c2bPullNominatedNumber) {
    problems.push(
      `${opt("c2bPullNominatedNumber")} is required when c2bPullTransactions is on: Safaricom registers Pull Transactions against the merchant's M-Pesa phone`
    )
  }
  if (o.c2bPullNominatedNumber && !o.c2bPullTransactions) {
    problems.push(`${opt("c2bPullNominatedNumber")} applies only when c2bPullTransactions is on`)
  }
  if (o.c2bType === "till" && o.c2bAccountFormat !== undefined) {
    problems.push(`${opt("c2bAccountFormat")} applies to paybills only: till payments carry no account`)
  }
  return problems
}

export function resolveC2bOptions(o: C2bFields): ResolvedC2bOptions | undefined {
  if (!o.c2bShortcode) {
    return undefined
  }
  return {
    shortcode: o.c2bShortcode,
    type: o.c2bType ?? C2B_DEFAULTS.type,
    accountFormat: o.c2bAccountFormat ?? C2B_DEFAULTS.accountFormat,
    validation: o.c2bValidation ?? C2B_DEFAULTS.validation,
    pullTransactions: o.c2bPullTransactions ?? C2B_DEFAULTS.pullTransactions,
    ...(o.c2bPullNominatedNumber ? { pullNominatedNumber: o.c2bPullNominatedNumber } : {}),
    pullWindowHours: o.c2bPullWindowHours ?? C2B_DEFAULTS.pullWindowHours,
    tillWindowMinutes: o.c2bTillWindowMinutes ?? C2B_DEFAULTS.tillWindowMinutes,
    ...(o.c2bMerchantName ? { merchantName: o.c2bMerchantName } : {}),
  }
}
