import { beingProcessed, invalidField } from "../errors"
import { json } from "../http/reply"
import { validateStkQuery } from "../validation/stk"
import { checkStkCredentials } from "./credentials"
import { readJsonRequest } from "./guard"
import type { EndpointHandler } from "./types"

/** POST /mpesa/stkpushquery/v1/query: string codes, and an error while the prompt is open. */
export const stkQuery: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "BusinessShortCode", validateStkQuery)
  if (!validation.ok) {
    return validation.reply
  }
  const query = validation.value
  const bad = checkStkCredentials(sim, query.businessShortCode, query.password, query.timestamp)
  if (bad) {
    return bad
  }
  const tx = sim.stk.get(query.checkoutRequestId)
  if (!tx || tx.businessShortCode !== query.businessShortCode) {
    return invalidField("CheckoutRequestID")
  }
  if (tx.status === "pending" || !tx.result) {
    return beingProcessed()
  }
  return json(200, {
    // "successsfully" (three s) is what the sandbox really sends.
    ResponseCode: "0",
    ResponseDescription: "The service request has been accepted successsfully",
    MerchantRequestID: tx.merchantRequestId,
    CheckoutRequestID: tx.checkoutRequestId,
    ResultCode: String(tx.result.resultCode),
    ResultDesc: tx.result.resultDesc,
  })
}
