import type { CallbackRecord } from "../callbacks/store"
import type { Sim } from "../context"
import { uniqueTransactionId, utilityBalance } from "../endpoints/initiator"
import type { C2bRegistration } from "../state/shortcode-registry"
import type { C2bChannel, C2bPayment, C2bTransactionType } from "../state/c2b-payments"
import type { CallbackOverride } from "../state/overrides"
import { c2bTransactionBody, validationVerdict } from "./body"

/** A payment about to be made, whichever way the customer started it. */
export interface C2bPaymentRequest {
  transactionType: C2bTransactionType
  businessShortCode: string
  billRefNumber: string
  amount: number
  msisdn: string
  firstName?: string
  channel: C2bChannel
  qrRequestId?: string
}

/** How the confirmation goes out: `skip` loses it (the payment still happened), `copies` duplicates it, `delayMs` delays it. */
export type ConfirmationShaping = Pick<CallbackOverride, "skip" | "copies" | "delayMs">

/** The URLs that receive a payment: the paybill's or till's own, else those of the till's store (HO) number. */
export const registrationFor = (sim: Sim, shortCode: string): C2bRegistration | undefined => {
  const store = sim.tills.get(shortCode)
  return sim.c2b.get(shortCode) ?? (store === undefined ? undefined : sim.c2b.get(store))
}

const newTransId = (sim: Sim): string => {
  let id = uniqueTransactionId(sim)
  while (sim.c2bPayments.has(id)) {
    id = uniqueTransactionId(sim)
  }
  return id
}

/**
 * Makes one C2B payment the way M-Pesa does: ask the ValidationURL (when
 * validation is on and URLs are registered) and wait up to
 * `c2bValidationTimeoutMs`; without a usable answer the registered
 * ResponseType decides. An accepted payment is booked in the ledger at once
 * (so Transaction Status and Pull Transactions know it even when its
 * confirmation is lost) and then confirmed. Resolves with the settled payment.
 */
export const makeC2bPayment = async (
  sim: Sim,
  request: C2bPaymentRequest,
  shaping: ConfirmationShaping = {}
): Promise<C2bPayment> => {
  const payment: C2bPayment = {
    ...request,
    firstName: request.firstName ?? "John",
    transId: newTransId(sim),
    at: sim.now(),
    status: "validating",
    confirmationCopies: 0,
  }
  sim.c2bPayments.add(payment)
  const registration = registrationFor(sim, payment.businessShortCode)
  let validation: C2bPayment["validation"] = registration ? "disabled" : "not-registered"
  if (registration && sim.settings.c2bValidation) {
    const body = c2bTransactionBody(payment)
    const answer = await sim.dispatcher.call(
      { kind: "c2b-validation", url: registration.validationUrl, body, transId: payment.transId, copy: 1 },
      JSON.stringify(body),
      sim.settings.c2bValidationTimeoutMs
    )
    if (sim.scheduler.isStopped || sim.c2bPayments.get(payment.transId) !== payment) {
      return payment // stopped or reset while the shop was deciding
    }
    const verdict = answer ? validationVerdict(answer.status, answer.body) : undefined
    validation = verdict ? (verdict.accepted ? "accepted" : "rejected") : "no-answer"
    const accepted = verdict ? verdict.accepted : registration.responseType === "Completed"
    if (!accepted) {
      sim.logger.info(`c2b ${payment.transId} rejected (${validation})`)
      const resultCode = verdict && !verdict.accepted ? verdict.resultCode : undefined
      return sim.c2bPayments.settle(payment.transId, { status: "rejected", validation, resultCode }) ?? payment
    }
  }
  sim.ledger.record({
    receipt: payment.transId,
    kind: "c2b",
    amount: payment.amount,
    msisdn: payment.msisdn,
    shortcode: payment.businessShortCode,
    transactionType: payment.transactionType,
    accountReference: payment.billRefNumber,
    at: payment.at,
  })
  const confirmation = !registration ? "none" : shaping.skip ? "dropped" : "sent"
  sim.c2bPayments.settle(payment.transId, { status: "completed", validation, confirmation })
  if (registration && !shaping.skip) {
    sendConfirmation(sim, payment, registration, Math.max(1, shaping.copies ?? 1), shaping.delayMs ?? 0)
  }
  return payment
}

const sendConfirmation = (
  sim: Sim,
  payment: C2bPayment,
  registration: C2bRegistration,
  copies: number,
  delayMs: number
): CallbackRecord[] => {
  const body = c2bTransactionBody(
    payment,
    utilityBalance(sim, payment.businessShortCode).split("|")[2]
  )
  const payload = JSON.stringify(body)
  const records: CallbackRecord[] = []
  for (let i = 0; i < copies; i++) {
    payment.confirmationCopies += 1
    records.push(
      sim.dispatcher.send(
        {
          kind: "c2b-confirmation",
          url: registration.confirmationUrl,
          body,
          transId: payment.transId,
          copy: payment.confirmationCopies,
        },
        payload,
        delayMs
      )
    )
  }
  return records
}

export class C2bPaymentError extends Error {
  constructor(
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

/**
 * POSTs the confirmation of a completed payment once more, to the URLs
 * registered now: a late arrival after a lost one, or one more duplicate.
 */
export const resendConfirmation = (sim: Sim, transId: string): CallbackRecord => {
  const payment = sim.c2bPayments.get(transId)
  if (!payment) {
    throw new C2bPaymentError(`no C2B payment with TransID ${transId}`, 404)
  }
  if (payment.status !== "completed") {
    throw new C2bPaymentError(`C2B payment ${transId} is ${payment.status}: only completed payments are confirmed`, 409)
  }
  const registration = registrationFor(sim, payment.businessShortCode)
  if (!registration) {
    throw new C2bPaymentError(`no C2B URLs are registered for ${payment.businessShortCode}`, 409)
  }
  payment.confirmation = "sent"
  return sendConfirmation(sim, payment, registration, 1, 0)[0]
}
