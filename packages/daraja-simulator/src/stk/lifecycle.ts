import { stkCallback } from "../callbacks/bodies"
import type { Sim } from "../context"
import { newReceiptNumber } from "../ids"
import { outcome, PAID, StkOutcome } from "../outcomes"
import type { StkSettledBy, StkTransaction } from "../state/stk-store"
import { darajaTimestamp } from "../time"

/** Starts the clock on a freshly opened prompt. */
export const schedulePrompt = (sim: Sim, tx: StkTransaction): void => {
  const { callbackDelayMs, promptTimeoutMs } = sim.settings
  if (tx.override?.hold) {
    return // settled by releasePrompt only
  }
  if (tx.plan !== "interactive") {
    const plan = tx.plan
    sim.scheduler.after(callbackDelayMs, () => settleStk(sim, tx.checkoutRequestId, plan, "script"))
    return
  }
  // Auto-approve is read when the delay ends, so flipping the toggle on the
  // phone page also applies to prompts already showing.
  sim.scheduler.after(callbackDelayMs, () => {
    if (sim.settings.autoApprove) {
      settleStk(sim, tx.checkoutRequestId, PAID, "auto-approve")
    }
  })
  sim.scheduler.after(promptTimeoutMs, () =>
    settleStk(sim, tx.checkoutRequestId, outcome(1037), "timeout")
  )
}

const uniqueReceipt = (sim: Sim): string => {
  let receipt = newReceiptNumber()
  while (sim.ledger.has(receipt)) {
    receipt = newReceiptNumber()
  }
  return receipt
}

/**
 * Settles a pending prompt exactly once: releases the phone lock, records the
 * payment in the ledger on success and sends the callback unless the outcome
 * or an override says otherwise. Returns undefined when it was already settled.
 */
export const settleStk = (
  sim: Sim,
  checkoutRequestId: string,
  result: StkOutcome,
  settledBy: StkSettledBy
): StkTransaction | undefined => {
  const settledAt = sim.now()
  const paid = result.resultCode === 0
  const receipt = paid ? uniqueReceipt(sim) : undefined
  const tx = sim.stk.settle(checkoutRequestId, {
    resultCode: result.resultCode,
    resultDesc: result.resultDesc,
    receipt,
    settledAt,
    settledBy,
  })
  if (!tx) {
    return undefined
  }
  if (receipt) {
    sim.ledger.record({
      receipt,
      kind: "stk",
      amount: tx.amount,
      msisdn: tx.phoneNumber,
      shortcode: tx.partyB,
      transactionType: tx.transactionType,
      accountReference: tx.accountReference,
      at: settledAt,
      checkoutRequestId,
    })
  }
  sim.logger.info(`stk ${checkoutRequestId} settled ${result.resultCode} (${settledBy})`)
  const cb = tx.override?.callback
  if (!result.callback || cb?.skip) {
    return tx
  }
  const { body, payload } = stkCallback({
    merchantRequestId: tx.merchantRequestId,
    checkoutRequestId,
    resultCode: result.resultCode,
    resultDesc: result.resultDesc,
    paid: receipt
      ? {
          amount: cb?.amount ?? tx.amount,
          receipt,
          transactionDate: darajaTimestamp(settledAt),
          phoneNumber: tx.phoneNumber,
        }
      : undefined,
  })
  const copies = Math.max(1, cb?.copies ?? 1)
  for (let copy = 1; copy <= copies; copy++) {
    sim.dispatcher.send(
      { kind: "stk", url: tx.callBackUrl, body, checkoutRequestId, copy },
      payload,
      cb?.delayMs ?? 0
    )
  }
  return tx
}

export class PromptError extends Error {}

const pendingPrompt = (sim: Sim, checkoutRequestId: string): StkTransaction => {
  const tx = sim.stk.get(checkoutRequestId)
  if (!tx) {
    throw new PromptError(`unknown CheckoutRequestID ${checkoutRequestId}`)
  }
  if (tx.status !== "pending") {
    throw new PromptError(`prompt ${checkoutRequestId} is already settled`)
  }
  return tx
}

/** The person on the phone page enters a PIN: the right one pays, any other is 2001. */
export const approvePrompt = (sim: Sim, checkoutRequestId: string, pin?: string): StkTransaction => {
  pendingPrompt(sim, checkoutRequestId)
  const result = pin === undefined || pin === sim.settings.pin ? PAID : outcome(2001)
  return settleStk(sim, checkoutRequestId, result, "phone") as StkTransaction
}

export const cancelPrompt = (sim: Sim, checkoutRequestId: string): StkTransaction => {
  pendingPrompt(sim, checkoutRequestId)
  return settleStk(sim, checkoutRequestId, outcome(1032), "phone") as StkTransaction
}

/** Settles a prompt held by an override (`hold`) as its plan said: the script's result, or paid for an interactive number. */
export const releasePrompt = (sim: Sim, checkoutRequestId: string): StkTransaction => {
  const tx = pendingPrompt(sim, checkoutRequestId)
  return settleStk(sim, checkoutRequestId, tx.plan === "interactive" ? PAID : tx.plan, "control") as StkTransaction
}
