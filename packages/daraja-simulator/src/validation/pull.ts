import { EAT_OFFSET_MS } from "../time"
import * as f from "./fields"
import { checkFields, Validation } from "./result"

export interface PullRegisterRequest {
  shortCode: string
  nominatedNumber: string
  callBackUrl: string
}

export interface PullQueryRequest {
  shortCode: string
  /** Epoch ms of the window's first and last second (the dates are EAT wall-clock times). */
  start: number
  end: number
  offset: number
}

/**
 * `YYYY-MM-DD HH:mm:ss` in EAT (the docs' own sample writes the hour with
 * one digit, "2020-08-04 8:36:00", so one or two are accepted), as epoch ms.
 */
export const pullDate = (value: unknown): number | undefined => {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(value.trim()) : null
  if (!m) {
    return undefined
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number)
  const utc = Date.UTC(y, mo - 1, d, h, mi, s)
  const back = new Date(utc)
  const real = back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && s < 60
  return real ? utc - EAT_OFFSET_MS : undefined
}

export const validatePullRegister = (body: unknown): Validation<PullRegisterRequest> =>
  checkFields(body, {
    shortCode: ["ShortCode", f.shortcode],
    requestType: ["RequestType", (v) => (v === "Pull" ? v : undefined), false],
    nominatedNumber: ["NominatedNumber", f.kenyanMobile],
    callBackUrl: ["CallBackURL", f.httpUrl],
  })

export const validatePullQuery = (body: unknown): Validation<PullQueryRequest> =>
  checkFields(body, {
    shortCode: ["ShortCode", f.shortcode],
    start: ["StartDate", pullDate],
    end: ["EndDate", (v, b) => {
      const end = pullDate(v)
      const start = pullDate(b.StartDate)
      return end !== undefined && start !== undefined && end >= start ? end : undefined
    }],
    offset: ["OffSetValue", (v) => f.integer(v, 0, Number.MAX_SAFE_INTEGER)],
  })
