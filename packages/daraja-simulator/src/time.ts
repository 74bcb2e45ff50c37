// Daraja stamps everything in East Africa Time (UTC+3, no daylight saving), so
// formatting shifts the instant by a fixed offset instead of relying on the
// host's time zone.
export const EAT_OFFSET_MS = 3 * 60 * 60 * 1000

export interface EatParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
  millis: string
}

const pad = (value: number, width: number): string =>
  String(value).padStart(width, "0")

export const eatParts = (epochMs: number): EatParts => {
  const d = new Date(epochMs + EAT_OFFSET_MS)
  return {
    year: pad(d.getUTCFullYear(), 4),
    month: pad(d.getUTCMonth() + 1, 2),
    day: pad(d.getUTCDate(), 2),
    hour: pad(d.getUTCHours(), 2),
    minute: pad(d.getUTCMinutes(), 2),
    second: pad(d.getUTCSeconds(), 2),
    millis: pad(d.getUTCMilliseconds(), 3),
  }
}

/** `YYYYMMDDHHmmss` in EAT: the format of Timestamp, TransactionDate and TransTime. */
export const darajaTimestamp = (epochMs: number): string => {
  const p = eatParts(epochMs)
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`
}

/** `DD.MM.YYYY HH:mm:ss` in EAT: the format of result parameters such as FinalisedTime. */
export const darajaDisplayTime = (epochMs: number): string => {
  const p = eatParts(epochMs)
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}:${p.second}`
}
