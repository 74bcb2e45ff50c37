import type { Formats } from "next-intl"

/** Soko sells in Kenya: dates and times are Nairobi's wherever the server runs (and the same on server and client). */
export const TIME_ZONE = "Africa/Nairobi"

/** Named formats, used as `format.dateTime(date, "short")`. */
export const FORMATS = {
  dateTime: {
    /** 6 Dec 2026 / 6 Des 2026 */
    short: { day: "numeric", month: "short", year: "numeric" },
    /** 6 Dec 2026, 08:49 */
    medium: { dateStyle: "medium", timeStyle: "short" },
    /** 08:49 */
    time: { hour: "2-digit", minute: "2-digit" },
  },
} satisfies Formats
