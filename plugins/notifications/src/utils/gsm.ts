import { smsLength } from "./sms-length"

/** Typographic characters phones and editors insert, with GSM-7 stand-ins. */
const REPLACEMENTS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": "...",
  "\u00a0": " ",
  "\u2009": " ",
  "\u200b": "",
  "\u00d7": "x",
  "\u2022": "-",
  "\t": " ",
  // Letters without a decomposition into base letter + accent.
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
  "\u0152": "OE",
  "\u0153": "oe",
}

const isGsm = (char: string) => smsLength(char).encoding === "GSM-7"

/**
 * Rewrites text so it fits the GSM-7 alphabet where that loses nothing a
 * reader would miss (curly quotes, dashes, accents GSM-7 lacks: "ł" → "l").
 * One character outside GSM-7 would otherwise make the whole SMS UCS-2,
 * cutting a part from 160 to 70 characters. Characters with no stand-in
 * (emoji, non-Latin scripts) are kept: the message then goes as UCS-2.
 */
export function toGsm7(text: string): string {
  let out = ""
  for (const char of text) {
    if (isGsm(char)) {
      out += char
      continue
    }
    const replacement = REPLACEMENTS[char]
    if (replacement !== undefined) {
      out += replacement
      continue
    }
    const stripped = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    out += stripped && [...stripped].every(isGsm) ? stripped : char
  }
  return out
}

/** Shortens a value to `max` characters, marking the cut with "...". */
export function shorten(value: string, max: number): string {
  const chars = [...value]
  if (chars.length <= max) {
    return value
  }
  return chars.slice(0, Math.max(1, max - 3)).join("").trimEnd() + "..."
}
