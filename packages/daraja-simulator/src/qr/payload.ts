// The text inside the simulator's Dynamic QR codes. Safaricom does not
// publish the payload of its codes (the M-Pesa app reads an EMVCo-like
// string), and a shop never reads it either: it shows the PNG and later
// receives an ordinary C2B confirmation. So the simulator uses a format a
// person can read and any platform can parse with URLSearchParams:
//
//   DARAJA-SIM-QR/1?TrxCode=PB&CPI=600984&RefNo=SOKO-1042&Amount=150&MerchantName=Soko+Shop
//
// The prefix names the format and its version, so the phone page can tell
// a code made here from anything else pasted into it.

export const QR_TRX_CODES = ["BG", "PB", "WA", "SM", "SB"] as const
export type QrTrxCode = (typeof QR_TRX_CODES)[number]

export const QR_PAYLOAD_PREFIX = "DARAJA-SIM-QR/1?"

/** What a Dynamic QR carries: the generate request's fields, minus the image Size. */
export interface QrFields {
  merchantName: string
  refNo: string
  amount: number
  trxCode: QrTrxCode
  /** Credit party: till (BG), paybill (PB), agent (WA), phone (SM) or business number (SB). */
  cpi: string
}

export const qrPayload = (fields: QrFields): string =>
  QR_PAYLOAD_PREFIX +
  new URLSearchParams({
    TrxCode: fields.trxCode,
    CPI: fields.cpi,
    RefNo: fields.refNo,
    Amount: String(fields.amount),
    MerchantName: fields.merchantName,
  }).toString()

export type QrRead = { ok: true; fields: QrFields } | { ok: false; error: string }

const NOT_OURS =
  "This is not a QR code made by this simulator: its text starts with DARAJA-SIM-QR/1? (generate one with POST /mpesa/qrcode/v1/generate)."

/** The fields of a payload made by `qrPayload`, or a sentence saying what is wrong with it. */
export const parseQrPayload = (text: string): QrRead => {
  const trimmed = text.trim()
  if (!trimmed.startsWith(QR_PAYLOAD_PREFIX)) {
    return { ok: false, error: NOT_OURS }
  }
  const params = new URLSearchParams(trimmed.slice(QR_PAYLOAD_PREFIX.length))
  const trxCode = QR_TRX_CODES.find((c) => c === params.get("TrxCode"))
  const amountText = params.get("Amount") ?? ""
  const cpi = params.get("CPI") ?? ""
  const refNo = params.get("RefNo") ?? ""
  const merchantName = params.get("MerchantName") ?? ""
  if (!trxCode) {
    return { ok: false, error: `The QR code has an unknown TrxCode "${params.get("TrxCode") ?? ""}".` }
  }
  if (!/^\d+$/.test(amountText) || !/^\d+$/.test(cpi)) {
    return { ok: false, error: "The QR code is damaged: its Amount and CPI must be digits." }
  }
  return { ok: true, fields: { trxCode, cpi, refNo, amount: Number(amountText), merchantName } }
}
