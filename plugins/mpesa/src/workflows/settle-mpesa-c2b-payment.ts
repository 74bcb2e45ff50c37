import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { C2bEvent } from "../utils/c2b-transitions"
import { applyC2bEventStep } from "./steps/apply-c2b-event"
import { matchC2bPaymentStep } from "./steps/match-c2b-payment"
import { readC2bConfirmationStep } from "./steps/read-c2b-confirmation"
import { captureC2bInMedusa } from "./utils/capture-c2b-in-medusa"

export type SettleMpesaC2bPaymentWorkflowInput = {
  id?: string
  event?: C2bEvent
  /** A Transaction Status result in the callback log. */
  callback_log_id?: string
}

export const settleMpesaC2bPaymentWorkflowId = "settle-mpesa-c2b-payment"

/** Emitted once when a C2B payment enters the review queue or stays unmatched (`{ id, state, flag }`). */
export const MPESA_C2B_FOR_MERCHANT_EVENT = "mpesa.c2b_for_merchant"

/** Every change to one C2B payment holds this lock (settling, the merchant's attach or refund). */
export const c2bLockKey = (id: string) => `mpesa-c2b:${id}`

/**
 * Settles a C2B payment on Daraja's word (Transaction Status, or Pull
 * Transactions): applies the confirmation to its state machine; a payment
 * that is now confirmed is matched to an order; one that pays an order
 * (exact, short, over) is captured in Medusa for what it pays
 * (utils/capture-c2b-in-medusa.ts). A second payment, several possible orders or none go to
 * the merchant, never to a capture. One lock per payment: copies and races count once.
 */
export const settleMpesaC2bPaymentWorkflow = createWorkflow(
  settleMpesaC2bPaymentWorkflowId,
  (input: SettleMpesaC2bPaymentWorkflowInput) => {
    const read = readC2bConfirmationStep(input)
    // A Transaction Status result about something else (a refund) locks nothing: one shared key
    // would queue every status result of the shop behind one lock.
    const key = transform({ read }, ({ read }) => (read.id ? c2bLockKey(read.id) : undefined))
    acquireLockStep({ key, timeout: 30, ttl: 120 })

    const confirmed = applyC2bEventStep({
      id: read.id,
      event: read.event,
      patch: transform({ read }, ({ read }) => (read.event?.type === "confirmed" ? { confirmed_at: new Date() } : {})),
      always: transform({ read }, ({ read }) => (read.checked_at ? { last_checked_at: new Date(read.checked_at) } : {})),
    })
    const matched = matchC2bPaymentStep({
      id: read.id,
      run: transform({ confirmed }, ({ confirmed }) => confirmed.changed && confirmed.state === "confirmed"),
    })
    const applied = applyC2bEventStep({
      id: read.id,
      event: transform({ matched }, ({ matched }) => (matched.decision ? { type: "matched" as const, decision: matched.decision.decision } : undefined)),
      patch: transform({ matched }, ({ matched }) => {
        const d = matched.decision
        if (!d) {
          return {}
        }
        const orderId = "order_id" in d ? d.order_id : null
        return {
          match_decision: d.decision,
          // What it is to capture, kept so a capture cut off by a crash is finished as decided (c2b-capture-retry.ts).
          match_detail: matched.capture ? { ...d, capture_amount: matched.capture.amount } : d,
          matched_at: new Date(),
          ...(orderId ? { order_id: orderId } : {}),
          ...(matched.capture ? { payment_collection_id: matched.capture.payment_collection_id } : {}),
        }
      }),
    }).config({ name: "apply-mpesa-c2b-match" })

    const capture = transform({ matched, applied }, ({ matched, applied }) => (applied.changed ? matched.capture : undefined))
    captureC2bInMedusa({ id: transform({ read }, ({ read }) => read.id), capture })

    when("mpesa-c2b-for-merchant", { applied }, ({ applied }) => applied.changed && (applied.state === "review" || applied.state === "unmatched" || applied.state === "over")).then(() => {
      emitEventStep({
        eventName: MPESA_C2B_FOR_MERCHANT_EVENT,
        data: transform({ applied }, ({ applied }) => ({ id: applied.id, state: applied.state, flag: applied.flag ?? null })),
      })
    })

    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ read, confirmed, applied }, ({ read, confirmed, applied }) => ({
        id: read.id,
        note: read.note,
        state: applied.changed ? applied.state : confirmed.state,
      }))
    )
  }
)
