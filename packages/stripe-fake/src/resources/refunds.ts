import { err, int, metadata, missing, str } from "../errors"
import type { FormObject } from "../form"
import { list, rand, type ResourceRequest, type StripeStore } from "../store"
import type { Json, Refund } from "../types"
import { chargeObject } from "./payment-intent-flow"
import { intent } from "./payment-intents"

function createRefund(store: StripeStore, p: FormObject): Json {
  const piId = str(p.payment_intent)
  const chargeId = str(p.charge)
  const pi = piId
    ? intent(store, piId)
    : [...store.intents.values()].find((x) => chargeId && x.latest_charge === chargeId)
  if (!pi) {
    if (chargeId) {
      throw missing("charge", chargeId, "charge")
    }
    throw err(400, "invalid_request_error", "One of the following params should be provided for this request: payment_intent or charge.", {
      code: "parameter_missing",
    })
  }
  if (pi.status !== "succeeded") {
    throw err(400, "invalid_request_error", `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
      code: "charge_not_refundable",
    })
  }
  const left = pi.amount_received - store.refunded(pi.id)
  if (left <= 0) {
    throw err(400, "invalid_request_error", `Charge ${pi.latest_charge} has already been refunded.`, { code: "charge_already_refunded" })
  }
  const amount = int(p.amount, "amount") ?? left
  if (amount > left) {
    throw err(
      400,
      "invalid_request_error",
      `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${(left / 100).toFixed(2)})`,
      { code: "amount_too_large", param: "amount" }
    )
  }
  const refund: Refund = {
    id: `re_${rand(24)}`,
    object: "refund",
    amount,
    charge: pi.latest_charge,
    created: store.secs(),
    currency: pi.currency,
    metadata: metadata(p.metadata),
    payment_intent: pi.id,
    reason: str(p.reason) ?? null,
    status: "succeeded",
  }
  store.refunds.set(refund.id, refund)
  store.emit("charge.refunded", chargeObject(store, pi, true))
  store.emit("refund.created", refund as unknown as Json)
  return refund as unknown as Json
}

/** /v1/refunds[/:id] */
export function refunds({ store, method, path, id, params }: ResourceRequest): Json | undefined {
  if (!id && method === "POST") {
    return createRefund(store, params)
  }
  if (id && method === "GET") {
    const r = store.refunds.get(id)
    if (!r) {
      throw missing("refund", id)
    }
    return r as unknown as Json
  }
  if (!id && method === "GET") {
    const pi = str(params.payment_intent)
    return list([...store.refunds.values()].filter((r) => !pi || r.payment_intent === pi), path)
  }
  return undefined
}
