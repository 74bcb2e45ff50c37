import type { Logger } from "./logger"
import type { PhoneScript } from "./outcomes"

/** The sandbox's public test paybill and passkey. */
export const SANDBOX_SHORTCODE = "174379"
export const SANDBOX_PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
/** A simulator-only test till whose store (HO) number is the sandbox paybill. */
export const SANDBOX_TILL = "174380"

export interface ShortcodeConfig {
  passkey: string
  /** Shown on the phone prompt ("Pay KES 10 to <name>"). */
  name?: string
}

/** Settings that can change at runtime through the control API. */
export interface Settings {
  /** Prompts for numbers without a script pay by themselves after `callbackDelayMs`. Default false. */
  autoApprove: boolean
  /** Time from the push to the scripted result and its callback. Default 1500. */
  callbackDelayMs: number
  /** An unanswered interactive prompt times out (1037) after this long. Default 60000. */
  promptTimeoutMs: number
  /** Access token lifetime. Default 3600 (reported as expires_in "3599"). */
  tokenTtlSeconds: number
  /** A new token revokes the previous one for the same consumer key. Default false. */
  revokeOldTokens: boolean
  /** Same phone + same amount paid within this window gives 17. 0 disables. Default 120000. */
  ruleLimitWindowMs: number
  /** Extra delivery attempts for a callback that fails. Default 3. */
  callbackRetries: number
  /** Backoff base between attempts (doubles each time). Default 1000. */
  callbackRetryDelayMs: number
  /** Per-attempt timeout. Default 8000. */
  callbackTimeoutMs: number
  /** Call the registered ValidationURL before confirming a C2B payment. Default true. */
  c2bValidation: boolean
  /** How long to wait for the validation answer before applying ResponseType. Default 8000. */
  c2bValidationTimeoutMs: number
  /** Refuse re-registering C2B URLs (production behaviour). Default false (sandbox overwrites). */
  c2bRegisterOnce: boolean
  /** The PIN that pays from the phone page; any other gives 2001. Default "1234". */
  pin: string
  /** Transactions per Pull Transactions page (OffSetValue steps). Default 1000. */
  pullPageSize: number
}

export interface DarajaSimulatorOptions extends Partial<Settings> {
  /** 0 picks a free port. Default 0. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** consumerKey → consumerSecret. When absent any non-empty pair is accepted. */
  credentials?: Record<string, string>
  /** shortcode → passkey (or { passkey, name }); merged over the sandbox's 174379. */
  shortcodes?: Record<string, string | ShortcodeConfig>
  /** till number → store (HO) number, for CustomerBuyGoodsOnline; merged over 174380 → 174379. */
  tills?: Record<string, string>
  /** Extra or replacement phone scripts, merged over the documented table. */
  phoneScripts?: Record<string, PhoneScript>
  /** Serve the phone page at / and /phone. Default true. */
  phonePage?: boolean
  /** Larger request bodies get 400.002.05. Default 100000 bytes. */
  maxBodyBytes?: number
  /** Keep this many request log entries. Default 1000. */
  requestLogSize?: number
  /** Injectable clock (epoch ms) for token expiry, rule 17 and timestamps. Default Date.now. */
  now?: () => number
  /** Default: silent. The CLI logs to the console. */
  logger?: Logger
}

export const DEFAULT_SETTINGS: Settings = {
  autoApprove: false,
  callbackDelayMs: 1500,
  promptTimeoutMs: 60_000,
  tokenTtlSeconds: 3600,
  revokeOldTokens: false,
  ruleLimitWindowMs: 120_000,
  callbackRetries: 3,
  callbackRetryDelayMs: 1000,
  callbackTimeoutMs: 8000,
  c2bValidation: true,
  c2bValidationTimeoutMs: 8000,
  c2bRegisterOnce: false,
  pin: "1234",
  pullPageSize: 1000,
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]

/** Picks the known settings from untrusted input, keeping only values of the right type. */
export const pickSettings = (input: unknown): Partial<Settings> => {
  const source = (input ?? {}) as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of SETTING_KEYS) {
    const value = source[key]
    const expected = typeof DEFAULT_SETTINGS[key]
    if (typeof value !== expected) {
      continue
    }
    if (expected === "number" && (!Number.isFinite(value) || (value as number) < 0)) {
      continue
    }
    out[key] = value
  }
  return out as Partial<Settings>
}

export const resolveShortcodes = (
  input: DarajaSimulatorOptions["shortcodes"] = {}
): Map<string, Required<ShortcodeConfig>> => {
  const merged: Record<string, string | ShortcodeConfig> = {
    [SANDBOX_SHORTCODE]: { passkey: SANDBOX_PASSKEY, name: "Daraja Sandbox" },
    ...input,
  }
  return new Map(
    Object.entries(merged).map(([code, config]) => {
      const c = typeof config === "string" ? { passkey: config } : config
      return [code, { passkey: c.passkey, name: c.name ?? `Merchant ${code}` }]
    })
  )
}
