import { QR_TRX_CODES, QrFields } from "../qr/payload"
import * as f from "./fields"
import { checkFields, Validation } from "./result"

export interface QrGenerateRequest extends QrFields {
  /** Width and height of the square PNG, in pixels. */
  size: number
}

/** Pixel sizes the simulator draws; Daraja's own limits are unpublished. */
export const QR_MIN_SIZE = 100
export const QR_MAX_SIZE = 1000

/** The credit party must fit the transaction: a phone for Send Money, a 5–8 digit number otherwise. */
const creditParty = (value: unknown, body: Record<string, unknown>): string | undefined =>
  f.oneOf(body.TrxCode, QR_TRX_CODES) === "SM" ? f.kenyanMobile(value) : f.shortcode(value)

/** `POST /mpesa/qrcode/v1/generate`: fields checked in the documented order. */
export const validateQrGenerate = (body: unknown): Validation<QrGenerateRequest> =>
  checkFields(body, {
    merchantName: ["MerchantName", (v) => f.text(v, 1, 50)],
    refNo: ["RefNo", (v) => f.text(v, 1, 20)],
    amount: ["Amount", f.amount],
    trxCode: ["TrxCode", (v) => f.oneOf(v, QR_TRX_CODES)],
    cpi: ["CPI", creditParty],
    size: ["Size", (v) => f.integer(v, QR_MIN_SIZE, QR_MAX_SIZE)],
  })
