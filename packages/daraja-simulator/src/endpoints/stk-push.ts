import { subscriberLocked } from "../errors"
import { json } from "../http/reply"
import { checkoutRequestId, newMerchantRequestId } from "../ids"
import type { StkTransaction } from "../state/stk-store"
import { schedulePrompt } from "../stk/lifecycle"
import { planStk } from "../stk/plan"
import { validateStkPush } from "../validation/stk"
import { checkStkCredentials } from "./credentials"
import { readJsonRequest } from "./guard"
import type { EndpointHandler } from "./types"

export const STK_ACCEPTED = "Success. Request accepted for processing"

/** POST /mpesa/stkpush/v1/processrequest */
export const stkPush: EndpointHandler = (sim, req, ctx) => {
  const validation = readJsonRequest(sim, req, "BusinessShortCode", validateStkPush)
  if (!validation.ok) {
    return validation.reply
  }
  const push = validation.value
  const bad = checkStkCredentials(sim, push.businessShortCode, push.password, push.timestamp)
  if (bad) {
    return bad
  }
  if (sim.stk.isLocked(push.phoneNumber)) {
    return subscriberLocked()
  }
  const now = sim.now()
  let id = checkoutRequestId(now, push.phoneNumber)
  for (let bump = 1; sim.stk.has(id); bump++) {
    id = checkoutRequestId(now + bump, push.phoneNumber)
  }
  const tx: StkTransaction = {
    ...push,
    merchantRequestId: newMerchantRequestId(),
    checkoutRequestId: id,
    merchantName: sim.shortcodes.get(push.businessShortCode)?.name ?? push.businessShortCode,
    createdAt: now,
    plan: planStk({
      ...push,
      tills: sim.tills,
      script: sim.phoneScripts.get(push.phoneNumber),
      ruleLimited: sim.stk.isRuleLimited(
        push.phoneNumber,
        push.amount,
        now,
        sim.settings.ruleLimitWindowMs
      ),
      override: ctx.override,
    }),
    override: ctx.override,
    status: "pending",
  }
  sim.stk.open(tx)
  schedulePrompt(sim, tx)
  return json(200, {
    MerchantRequestID: tx.merchantRequestId,
    CheckoutRequestID: tx.checkoutRequestId,
    ResponseCode: "0",
    ResponseDescription: STK_ACCEPTED,
    CustomerMessage: STK_ACCEPTED,
  })
}
