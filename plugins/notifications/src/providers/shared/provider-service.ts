import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import type { z } from "@medusajs/framework/zod"
import { normalizeEmail, normalizePhone } from "../../utils/contact"
import { providerError } from "./errors"
import { parseOptions } from "./options"

export type InjectedDependencies = { logger: Logger }

/** What each provider class declares: its name in messages and the zod schema of its options. */
type ProviderClass<S extends z.ZodType> = { providerName: string; optionsSchema: S }

/**
 * What every Soko notification provider shares: its options are checked at
 * start-up (Medusa calls the static `validateOptions` before building the
 * provider, so a bad option stops the app with a message naming it), parsed
 * once more with their defaults for the instance, and the logger is kept.
 * A provider class sets `providerName` and `optionsSchema`.
 */
export abstract class SokoNotificationProvider<S extends z.ZodType> extends AbstractNotificationProviderService {
  static providerName: string
  static optionsSchema: z.ZodType

  protected readonly options_: z.output<S>
  protected readonly logger_: Logger

  static validateOptions(this: ProviderClass<z.ZodType>, options: Record<string, unknown>): void {
    parseOptions(this.providerName, this.optionsSchema, options)
  }

  protected constructor({ logger }: InjectedDependencies, options: unknown) {
    super()
    const provider = new.target as unknown as ProviderClass<S>
    this.logger_ = logger
    this.options_ = parseOptions(provider.providerName, provider.optionsSchema, options)
  }
}

/** A text message's recipient in international form, or a permanent failure that names the provider. */
export function smsRecipient(providerName: string, to: string): string {
  const phone = normalizePhone(to)
  if (!phone.ok) {
    throw providerError("permanent", `${providerName}: cannot send to ${phone.reason}`)
  }
  return phone.value
}

/** An email's recipient, normalised, or a permanent failure that names the provider. */
export function emailRecipient(providerName: string, to: string): string {
  const email = normalizeEmail(to)
  if (!email.ok) {
    throw providerError("permanent", `${providerName}: cannot send to ${email.reason}`)
  }
  return email.value
}
