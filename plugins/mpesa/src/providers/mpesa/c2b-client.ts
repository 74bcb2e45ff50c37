import { MedusaError } from "@medusajs/framework/utils"
import { findForbiddenUrlWord } from "../../utils/text"
import type { DarajaClient } from "./client"
import { DarajaError } from "./errors"
import { DARAJA_PATHS } from "./types"

/**
 * Daraja's C2B calls that are not money: URL registration and Pull
 * Transactions. They ride on the provider's client (token cache, errors).
 */

/** Daraja's code for "Urls are already registered" (production registers once). */
const ALREADY_REGISTERED = "500.003.1001"

export type C2bRegistration = { registered: true; already: boolean; description: string }

/**
 * Registers the shop's confirmation/validation URLs for `shortcode`.
 * "Already registered" counts as success: in production the URLs can be set
 * only once, and they were. A URL with a word Daraja refuses is stopped
 * here with an error naming the word, before Daraja is asked.
 */
export async function registerC2bUrls(
  client: DarajaClient,
  input: { shortcode: string; confirmationUrl: string; validationUrl: string; responseType: "Completed" | "Cancelled" }
): Promise<C2bRegistration> {
  for (const [name, url] of [
    ["ConfirmationURL", input.confirmationUrl],
    ["ValidationURL", input.validationUrl],
  ] as const) {
    const word = findForbiddenUrlWord(url)
    if (word) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Daraja refuses a ${name} containing "${word}"; set MPESA_CALLBACK_URL (option \`callbackUrl\`) to an address without it`
      )
    }
  }
  try {
    const body = await client.post("c2bregister", DARAJA_PATHS.c2bRegisterUrl, {
      ShortCode: input.shortcode,
      ResponseType: input.responseType,
      ConfirmationURL: input.confirmationUrl,
      ValidationURL: input.validationUrl,
    })
    const code = String(body.ResponseCode ?? "").trim()
    if (code !== "0" && code !== "00000000") {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Daraja did not register the URLs: ${String(body.ResponseDescription ?? code).slice(0, 200)}`)
    }
    return { registered: true, already: false, description: String(body.ResponseDescription ?? "success").slice(0, 200) }
  } catch (error) {
    if (error instanceof DarajaError && error.errorCode === ALREADY_REGISTERED && /already registered/i.test(error.errorMessage)) {
      return { registered: true, already: true, description: error.errorMessage }
    }
    throw error
  }
}

/** Registers the shortcode for Pull Transactions (Daraja keeps the registration; repeating it is harmless). */
export async function registerPull(client: DarajaClient, input: { shortcode: string; nominatedNumber: string; callbackUrl: string }) {
  await client.post("pullregister", DARAJA_PATHS.pullRegister, {
    ShortCode: input.shortcode,
    RequestType: "Pull",
    NominatedNumber: input.nominatedNumber,
    CallBackURL: input.callbackUrl,
  })
}

export type PullPage = { records: unknown[]; empty: boolean }

/** One page of Pull Transactions; ResponseCode 1001 ("No records found") is an empty page. */
export async function pullTransactions(
  client: DarajaClient,
  input: { shortcode: string; startDate: string; endDate: string; offset: number }
): Promise<PullPage> {
  const body = await client.post("pullquery", DARAJA_PATHS.pullQuery, {
    ShortCode: input.shortcode,
    StartDate: input.startDate,
    EndDate: input.endDate,
    OffSetValue: String(input.offset),
  })
  const code = String(body.ResponseCode ?? "").trim()
  if (code === "1001") {
    return { records: [], empty: true }
  }
  if (code !== "1000") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Pull Transactions answered ${code}: ${String(body.ResponseMessage ?? "").slice(0, 200)}`)
  }
  // Daraja nests the list one level deeper than it needs to: Response: [[…]].
  const response = Array.isArray(body.Response) ? body.Response : []
  const records = response.flatMap((page) => (Array.isArray(page) ? page : [page]))
  return { records, empty: records.length === 0 }
}
