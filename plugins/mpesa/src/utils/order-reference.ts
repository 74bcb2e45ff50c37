/**
 * What a merchant types to name an order: its number as admin shows it
 * ("#1042", "1042") or its id ("order_01…", from the order page's address).
 * Pure, for the admin's "Match to order" dialog.
 */
export type OrderReference = { ok: true; kind: "id"; id: string } | { ok: true; kind: "display_id"; display_id: number } | { ok: false; reason: string }

const ORDER_ID = /^order_[A-Za-z0-9]{1,60}$/
const DISPLAY_ID = /^#?\s*0*(\d{1,9})$/

export function parseOrderReference(input: string): OrderReference {
  const text = input.trim()
  if (ORDER_ID.test(text)) {
    return { ok: true, kind: "id", id: text }
  }
  const number = DISPLAY_ID.exec(text)
  if (number && Number(number[1]) > 0) {
    return { ok: true, kind: "display_id", display_id: Number(number[1]) }
  }
  return { ok: false, reason: "Type the order number as admin shows it (e.g. #1042) or the order's id (order_…)" }
}
