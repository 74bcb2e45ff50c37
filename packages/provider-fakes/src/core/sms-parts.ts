const GSM7 = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
const GSM7_EXTENSION = new Set("^{}\\[~]|€\f")

/** How a network bills a text: GSM-7 160/153 per part, else UCS-2 70/67. */
export function smsParts(text: string): { encoding: "GSM-7" | "UCS-2"; parts: number } {
  let units = 0
  for (const char of text) {
    if (GSM7.has(char)) {
      units += 1
    } else if (GSM7_EXTENSION.has(char)) {
      units += 2
    } else {
      const ucs2 = [...text].reduce((n, c) => n + (c.codePointAt(0)! > 0xffff ? 2 : 1), 0)
      return { encoding: "UCS-2", parts: ucs2 <= 70 ? 1 : Math.ceil(ucs2 / 67) }
    }
  }
  return { encoding: "GSM-7", parts: units <= 160 ? 1 : Math.ceil(units / 153) }
}
