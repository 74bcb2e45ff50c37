import { makeC2bPayment } from "../c2b/payment"
import { invalidC2bUrl, urlsAlreadyRegistered } from "../errors"
import { json } from "../http/reply"
import { newOriginatorConversationId } from "../ids"
import { c2bUrlProblem, validateC2bRegister, validateC2bSimulate } from "../validation/c2b"
import { readJsonRequest } from "./guard"
import type { EndpointHandler } from "./types"

/** POST /mpesa/c2b/v1|v2/registerurl */
export const c2bRegister: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validateC2bRegister)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  for (const [field, url] of [
    ["ConfirmationURL", request.confirmationUrl],
    ["ValidationURL", request.validationUrl],
  ] as const) {
    const problem = c2bUrlProblem(url)
    if (problem) {
      return invalidC2bUrl(field, problem)
    }
  }
  if (sim.settings.c2bRegisterOnce && sim.c2b.get(request.shortCode)) {
    return urlsAlreadyRegistered()
  }
  sim.c2b.set({ ...request, registeredAt: sim.now() })
  // "OriginatorCoversationID" (sic) is how Daraja spells it here.
  return json(200, {
    OriginatorCoversationID: newOriginatorConversationId(),
    ResponseCode: "0",
    ResponseDescription: "success",
  })
}

/**
 * POST /mpesa/c2b/v1|v2/simulate (sandbox only): the customer pays from the
 * USSD menu. ShortCode is the paybill, or the till for CustomerBuyGoodsOnline.
 * An override's `callback` shapes the confirmation (skip = lost, copies, delayMs).
 */
export const c2bSimulate: EndpointHandler = (sim, req, ctx) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validateC2bSimulate)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  const shaping = ctx.override?.callback ?? {}
  const paybill = request.commandId === "CustomerPayBillOnline"
  sim.scheduler.after(sim.settings.callbackDelayMs, () => {
    void makeC2bPayment(
      sim,
      {
        transactionType: paybill ? "Pay Bill" : "Buy Goods",
        businessShortCode: request.shortCode,
        // Till payments carry no account, whatever the request said.
        billRefNumber: paybill ? request.billRefNumber : "",
        amount: request.amount,
        msisdn: request.msisdn,
        channel: "simulate",
      },
      shaping
    )
  })
  return json(200, {
    OriginatorCoversationID: newOriginatorConversationId(),
    ResponseCode: "0",
    ResponseDescription: "Accept the service request successfully.",
  })
}
