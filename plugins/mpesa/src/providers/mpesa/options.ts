import { z } from "@medusajs/framework/zod"
import { MedusaError } from "@medusajs/framework/utils"
import {
  ACCOUNT_REFERENCE_MAX_LENGTH,
  findForbiddenUrlWord,
  sanitizePromptText,
  TRANSACTION_DESC_MAX_LENGTH,
} from "../../utils/text"
import { c2bOptionFields, c2bProblems, resolveC2bOptions } from "./c2b-options"
import { B2C_COMMAND_IDS, DARAJA_BASE_URLS, MpesaOptions, ResolvedMpesaOptions } from "./types"

const opt = (name: string) => `Option \`${name}\``

/** A required, non-blank string; env variables often arrive as "" when unset. */
const requiredString = (name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${opt(name)} is required`
          : `${opt(name)} must be a string`,
    })
    .trim()
    .min(1, { error: `${opt(name)} is required` })

/** Blank strings count as "not set", so `process.env.X ?? ""` behaves like undefined. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

const optionalString = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: `${opt(name)} must be a string` }).trim().optional()
  )

/** Shortcodes and tills are 5–8 digits; numbers from config are accepted too. */
const digits = (name: string) =>
  z
    .union([z.string(), z.number()], {
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `${opt(name)} is required`
          : `${opt(name)} must be 5 to 8 digits`,
    })
    .transform((value) => String(value).trim())
    .refine((value) => /^\d{5,8}$/.test(value), { error: `${opt(name)} must be 5 to 8 digits` })

/** Integers from config or env strings ("30"), within bounds, with a default. */
const integer = (name: string, min: number, max: number, fallback: number) =>
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
      .default(fallback)
  )

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:"
  } catch {
    return false
  }
}

const httpUrl = (name: string) =>
  requiredString(name)
    .refine(isHttpUrl, { error: `${opt(name)} must be an absolute http(s) URL` })
    .transform((value) => value.replace(/\/+$/, ""))

/** Default prompt text must already be something Daraja accepts: we refuse rather than rewrite config. */
const promptText = (name: string, maxLength: number, fallback: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${opt(name)} must be a string` })
      .trim()
      .refine((value) => value.length <= maxLength, {
        error: `${opt(name)} must be at most ${maxLength} characters`,
      })
      .refine((value) => sanitizePromptText(value, maxLength) === value, {
        error: `${opt(name)} may only contain letters, digits, single spaces and hyphens`,
      })
      .default(fallback)
  )

const schema = z.object({
  consumerKey: requiredString("consumerKey"),
  consumerSecret: requiredString("consumerSecret"),
  shortcode: digits("shortcode"),
  passkey: requiredString("passkey"),
  transactionType: z.preprocess(
    blankToUndefined,
    z
      .enum(["CustomerPayBillOnline", "CustomerBuyGoodsOnline"], {
        error: `${opt("transactionType")} must be "CustomerPayBillOnline" or "CustomerBuyGoodsOnline"`,
      })
      .default("CustomerPayBillOnline")
  ),
  tillNumber: z.preprocess(blankToUndefined, digits("tillNumber").optional()),
  environment: z.preprocess(
    blankToUndefined,
    z
      .enum(["sandbox", "production"], {
        error: `${opt("environment")} must be "sandbox" or "production"`,
      })
      .default("sandbox")
  ),
  baseUrl: z.preprocess(blankToUndefined, httpUrl("baseUrl").optional()),
  callbackUrl: httpUrl("callbackUrl"),
  callbackSecret: optionalString("callbackSecret"),
  accountReference: promptText("accountReference", ACCOUNT_REFERENCE_MAX_LENGTH, "Payment"),
  transactionDesc: promptText("transactionDesc", TRANSACTION_DESC_MAX_LENGTH, "Payment"),
  initiatorName: optionalString("initiatorName"),
  securityCredential: optionalString("securityCredential"),
  b2cShortcode: z.preprocess(blankToUndefined, digits("b2cShortcode").optional()),
  b2cInitiatorName: optionalString("b2cInitiatorName"),
  b2cSecurityCredential: optionalString("b2cSecurityCredential"),
  b2cCommandId: z.preprocess(
    blankToUndefined,
    z
      .enum(B2C_COMMAND_IDS, { error: `${opt("b2cCommandId")} must be one of ${B2C_COMMAND_IDS.join(", ")}` })
      .default("BusinessPayment")
  ),
  reconcileAfterSeconds: integer("reconcileAfterSeconds", 5, 3600, 30),
  reconcileMaxAgeHours: integer("reconcileMaxAgeHours", 1, 720, 24),
  callbackLogRetentionDays: integer("callbackLogRetentionDays", 1, 3650, 90),
  pushAttemptRetentionDays: integer("pushAttemptRetentionDays", 1, 3650, 30),
  maxPushesPerPhonePerHour: integer("maxPushesPerPhonePerHour", 1, 1000, 5),
  maxPushesPerCartPerHour: integer("maxPushesPerCartPerHour", 1, 1000, 10),
  maxPushesPerClientPerHour: integer("maxPushesPerClientPerHour", 1, 100000, 30),
  tokenRefreshMarginSeconds: integer("tokenRefreshMarginSeconds", 0, 1800, 120),
  requestTimeoutMs: integer("requestTimeoutMs", 1000, 120000, 15000),
  tokenCacheRedisUrl: z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${opt("tokenCacheRedisUrl")} must be a string` })
      .trim()
      .refine((v) => /^rediss?:\/\//.test(v), { error: `${opt("tokenCacheRedisUrl")} must start with redis:// or rediss://` })
      .optional()
  ),
  ...c2bOptionFields,
})

type Parsed = z.output<typeof schema>

const CALLBACK_SECRET = /^[A-Za-z0-9_-]{16,128}$/

/** Rules that involve more than one option, or that zod would make unreadable. */
function crossFieldProblems(o: Parsed, runtime: MpesaRuntime): string[] {
  const problems: string[] = []
  if (o.transactionType === "CustomerBuyGoodsOnline" && !o.tillNumber) {
    problems.push(`${opt("tillNumber")} is required when transactionType is CustomerBuyGoodsOnline`)
  }
  const callbackUrl = o.callbackUrl
  const url = new URL(callbackUrl)
  if (o.environment === "production" && url.protocol !== "https:") {
    problems.push(`${opt("callbackUrl")} must use https in production`)
  }
  if (url.search || url.hash) {
    problems.push(`${opt("callbackUrl")} must be a base URL without a query string or fragment`)
  }
  const word = findForbiddenUrlWord(callbackUrl)
  if (word) {
    problems.push(
      `${opt("callbackUrl")} contains the word "${word}", which Daraja refuses in callback URLs; use another host name or path`
    )
  }
  if (o.callbackSecret !== undefined) {
    if (!CALLBACK_SECRET.test(o.callbackSecret)) {
      problems.push(
        `${opt("callbackSecret")} must be 16 to 128 letters, digits, hyphens or underscores (it is sent in the callback URL)`
      )
    } else {
      // The secret travels in the callback URL, so a random one can trip the word filter.
      const secretWord = findForbiddenUrlWord(o.callbackSecret)
      if (secretWord) {
        problems.push(
          `${opt("callbackSecret")} contains "${secretWord}", which Daraja refuses in callback URLs; generate another secret`
        )
      }
    }
  } else if (o.environment === "production" || runtime.nodeEnv === "production") {
    // Whatever `environment` says: a production server must never fall back to the public development secret.
    problems.push(
      `${opt("callbackSecret")} is required in production (environment "production" or NODE_ENV=production): ` +
        "Daraja callbacks are unsigned and the development secret is public (MPESA_CALLBACK_SECRET)"
    )
  }
  if (o.initiatorName && !o.securityCredential) {
    problems.push(`${opt("securityCredential")} is required when initiatorName is set`)
  }
  if (o.securityCredential && !o.initiatorName) {
    problems.push(`${opt("initiatorName")} is required when securityCredential is set`)
  }
  if (o.b2cShortcode) {
    if (!(o.b2cInitiatorName ?? o.initiatorName)) {
      problems.push(`${opt("b2cInitiatorName")} (or initiatorName) is required when b2cShortcode is set`)
    }
    if (!(o.b2cSecurityCredential ?? o.securityCredential)) {
      problems.push(`${opt("b2cSecurityCredential")} (or securityCredential) is required when b2cShortcode is set`)
    }
  } else if (o.b2cInitiatorName || o.b2cSecurityCredential) {
    problems.push(`${opt("b2cShortcode")} is required when a B2C initiator is set`)
  }
  problems.push(...c2bProblems(o))
  return problems
}

/**
 * Validates provider options and applies defaults. Throws
 * `MedusaError(INVALID_DATA)` whose message names every bad option, e.g.
 * "Option `passkey` is required". Never echoes option values, since several
 * are secrets.
 */
/** What the process runs as; the provider passes `process.env.NODE_ENV`. */
export type MpesaRuntime = { nodeEnv?: string }

export function validateMpesaOptions(raw: MpesaOptions | unknown, runtime: MpesaRuntime = {}): ResolvedMpesaOptions {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "M-Pesa provider options must be an object")
  }
  const result = schema.safeParse(raw)
  if (!result.success) {
    const messages = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "options")
      return issue.message.startsWith("Option `") ? issue.message : `${opt(name)} is invalid: ${issue.message}`
    })
    throw new MedusaError(MedusaError.Types.INVALID_DATA, [...new Set(messages)].join("; "))
  }
  const o = result.data
  const problems = crossFieldProblems(o, runtime)
  if (problems.length > 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  const resolved: ResolvedMpesaOptions = {
    consumerKey: o.consumerKey,
    consumerSecret: o.consumerSecret,
    shortcode: o.shortcode,
    passkey: o.passkey,
    transactionType: o.transactionType,
    environment: o.environment,
    baseUrl: o.baseUrl ?? DARAJA_BASE_URLS[o.environment],
    callbackUrl: o.callbackUrl,
    accountReference: o.accountReference,
    transactionDesc: o.transactionDesc,
    reconcileAfterSeconds: o.reconcileAfterSeconds,
    reconcileMaxAgeHours: o.reconcileMaxAgeHours,
    callbackLogRetentionDays: o.callbackLogRetentionDays,
    pushAttemptRetentionDays: o.pushAttemptRetentionDays,
    maxPushesPerPhonePerHour: o.maxPushesPerPhonePerHour,
    maxPushesPerCartPerHour: o.maxPushesPerCartPerHour,
    maxPushesPerClientPerHour: o.maxPushesPerClientPerHour,
    tokenRefreshMarginSeconds: o.tokenRefreshMarginSeconds,
    requestTimeoutMs: o.requestTimeoutMs,
    tokenCacheRedisUrl: o.tokenCacheRedisUrl,
  }
  // Optional keys are left out rather than set to undefined, so spreading
  // resolved options over defaults behaves.
  if (o.transactionType === "CustomerBuyGoodsOnline" && o.tillNumber) {
    resolved.tillNumber = o.tillNumber
  }
  if (o.callbackSecret) {
    resolved.callbackSecret = o.callbackSecret
  }
  if (o.initiatorName && o.securityCredential) {
    resolved.initiatorName = o.initiatorName
    resolved.securityCredential = o.securityCredential
  }
  if (o.b2cShortcode) {
    resolved.b2c = {
      shortcode: o.b2cShortcode,
      initiatorName: (o.b2cInitiatorName ?? o.initiatorName)!,
      securityCredential: (o.b2cSecurityCredential ?? o.securityCredential)!,
      commandId: o.b2cCommandId,
    }
  }
  const c2b = resolveC2bOptions(o)
  if (c2b) {
    resolved.c2b = c2b
  }
  return resolved
}
