import { MedusaError } from "@medusajs/framework/utils"
import type { DarajaClient } from "./client"
import { DARAJA_PATHS } from "./types"

/**
 * Daraja's Dynamic QR: a code the M-Pesa app scans to fill in a paybill or
 * till payment (number, account, amount) so the shopper types nothing. Not
 * money: the payment it leads to arrives as an ordinary C2B confirmation.
 */

/** Daraja publishes no limit; 50 is what its portal's form takes, and what the simulator enforces. */
export const QR_MERCHANT_NAME_MAX_LENGTH = 50
/** Letters (any script), digits, spaces and the punctuation shop names use. */
export const QR_MERCHANT_NAME = /^[\p{L}\p{N} .,'&-]+$/u
/** RefNo (the account the app fills in) is at most 20 characters. */
export const QR_REF_NO_MAX_LENGTH = 20
/** Pixels: big enough for a phone camera across a desk, small enough to send inline. */
export const QR_SIZE = 300

/** Dynamic QR's transaction codes for what Soko takes: pay bill (PB) and buy goods (BG). */
const TRX_CODES = { paybill: "PB", till: "BG" } as const

export type QrInput = {
  merchantName: string
  type: "paybill" | "till"
  /** The paybill or till number (CPI). */
  number: string
  /** What the app fills in as the account (RefNo): the order's account for a paybill, its number for a till. */
  reference: string
  /** Whole KES. */
  amountKes: number
  size?: number
}

export type QrRequestBody = {
  MerchantName: string
  RefNo: string
  Amount: number
  TrxCode: "PB" | "BG"
  CPI: string
  Size: string
}

/**
 * A merchant name Daraja will take: the configured one as is (checked at
 * start-up), a store name cleaned of what Dynamic QR refuses and shortened.
 * "Shop" when nothing is left, rather than a failed request.
 */
export function qrMerchantName(name: string | null | undefined): string {
  const cleaned = (name ?? "")
    .replace(/[^\p{L}\p{N} .,'&-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, QR_MERCHANT_NAME_MAX_LENGTH)
    .trim()
  return cleaned || "Shop"
}

/**
 * The request body for POST /mpesa/qrcode/v1/generate. Amounts must be whole
 * KES from 1: anything else is a bug upstream (the route refuses orders with
 * nothing to pay), so it throws instead of rounding money.
 */
export function qrRequestBody(input: QrInput): QrRequestBody {
  if (!Number.isInteger(input.amountKes) || input.amountKes < 1) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A payment QR code needs a whole amount of at least KES 1, not ${input.amountKes}`)
  }
  const reference = input.reference.trim()
  if (!reference || reference.length > QR_REF_NO_MAX_LENGTH) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `A payment QR code's account must be 1 to ${QR_REF_NO_MAX_LENGTH} characters`)
  }
  return {
    MerchantName: qrMerchantName(input.merchantName),
    RefNo: reference,
    Amount: input.amountKes,
    TrxCode: TRX_CODES[input.type],
    CPI: input.number,
    Size: String(input.size ?? QR_SIZE),
  }
}

/** Asks Daraja for the code; answers the PNG as a data URL. DarajaError on a refusal, as every call. */
export async function generatePaymentQr(client: DarajaClient, input: QrInput): Promise<string> {
  const body = await client.post("qrcode", DARAJA_PATHS.qrGenerate, qrRequestBody(input))
  const code = String(body.ResponseCode ?? "").trim()
  const image = typeof body.QRCode === "string" ? body.QRCode.trim() : ""
  if ((code !== "00" && code !== "0") || !/^[A-Za-z0-9+/]+={0,2}$/.test(image)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Daraja did not make the QR code: ${String(body.ResponseDescription ?? body.errorMessage ?? (code || "no image")).slice(0, 200)}`
    )
  }
  return `data:image/png;base64,${image}`
}
