/**
 * SMS length rules: a GSM-7 message fits 160 characters in one part (153 per
 * part when split); any character outside GSM-7 switches the whole message to
 * UCS-2 with 70 (67) characters per part. Extension characters cost two.
 */

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
const GSM7_EXTENSION = "^{}\\[~]|€\f"

const BASIC = new Set(GSM7_BASIC)
const EXTENSION = new Set(GSM7_EXTENSION)

export type SmsEncoding = "GSM-7" | "UCS-2"

export type SmsLength = {
  encoding: SmsEncoding
  /** Characters counted the way the network counts them. */
  units: number
  parts: number
}

export function smsLength(text: string): SmsLength {
  let units = 0
  for (const char of text) {
    if (BASIC.has(char)) {
      units += 1
    } else if (EXTENSION.has(char)) {
      units += 2
    } else {
      const ucs2Units = [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0)
      return {
        encoding: "UCS-2",
        units: ucs2Units,
        parts: ucs2Units <= 70 ? 1 : Math.ceil(ucs2Units / 67),
      }
    }
  }
  return { encoding: "GSM-7", units, parts: units <= 160 ? 1 : Math.ceil(units / 153) }
}
