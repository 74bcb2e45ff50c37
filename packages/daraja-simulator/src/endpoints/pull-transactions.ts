import { maskMsisdn } from "../callbacks/bodies"
import type { Sim } from "../context"
import { invalidField } from "../errors"
import { json } from "../http/reply"
import { newRequestId } from "../ids"
import type { C2bPayment } from "../state/c2b-payments"
import { validatePullQuery, validatePullRegister } from "../validation/pull"
import { readJsonRequest } from "./guard"
import type { EndpointHandler } from "./types"

/** Pull Transactions only reaches this far back (docs: the last 48 hours). */
export const PULL_WINDOW_MS = 48 * 60 * 60 * 1000

/** POST /pulltransactions/v1/register */
export const pullRegister: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validatePullRegister)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  sim.pull.set({ ...request, registeredAt: sim.now() })
  return json(200, {
    ResponseRefID: newRequestId(),
    ResponseStatus: "1000",
    ShortCode: request.shortCode,
    ResponseDescription: `ShortCode ${request.shortCode} Registered Successfully`,
  })
}

/** The configured name of the paybill, or of the store a till belongs to. */
const organizationName = (sim: Sim, shortCode: string): string =>
  sim.shortcodes.get(sim.tills.get(shortCode) ?? shortCode)?.name ?? `Merchant ${shortCode}`

/** One transaction as Pull lists it: lower-case keys, amount with one decimal, UTC time. */
export const pullRecord = (sim: Sim, p: C2bPayment): Record<string, unknown> => ({
  transactionId: p.transId,
  trxDate: new Date(p.at).toISOString().replace(/\.\d{3}Z$/, "Z"),
  msisdn: maskMsisdn(p.msisdn),
  sender: "UTILITY",
  transactiontype: p.transactionType === "Pay Bill" ? "c2b-pay-bill-debit" : "c2b-buy-goods-debit",
  billreference: p.billRefNumber,
  amount: p.amount.toFixed(1),
  organizationname: organizationName(sim, p.businessShortCode),
})

/**
 * POST /pulltransactions/v1/query: the completed C2B payments to ShortCode
 * (or to its tills) between StartDate and EndDate, oldest first,
 * `pullPageSize` per page from OffSetValue. Confirmations play no part: a
 * payment whose confirmation was lost is listed like any other.
 */
export const pullQuery: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validatePullQuery)
  if (!validation.ok) {
    return validation.reply
  }
  const { shortCode, start, end, offset } = validation.value
  if (!sim.pull.get(shortCode)) {
    // Unregistered shortcodes cannot query (simulator choice: the real code is undocumented).
    return invalidField("ShortCode")
  }
  const oldest = sim.now() - PULL_WINDOW_MS
  const page = sim.c2bPayments
    .list({ shortCode, status: "completed" })
    // EndDate names a whole second: a payment at 12:00:00.400 is in a window ending 12:00:00.
    .filter((p) => p.at >= Math.max(start, oldest) && p.at <= end + 999)
    .sort((a, b) => a.at - b.at)
    .slice(offset, offset + sim.settings.pullPageSize)
  if (page.length === 0) {
    return json(200, {
      ResponseRefID: newRequestId(),
      ResponseCode: "1001",
      ResponseMessage: "No records found",
      Response: [[]],
    })
  }
  return json(200, {
    ResponseRefID: newRequestId(),
    ResponseCode: "1000",
    ResponseMessage: "Success",
    Response: [page.map((p) => pullRecord(sim, p))],
  })
}
