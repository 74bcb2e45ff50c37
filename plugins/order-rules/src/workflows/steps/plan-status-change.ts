import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { StatusChangeInput } from "../../modules/order-rules/types"
import { contradictsMedusa, evaluateTransition, type Actor } from "../../rules"
import type { OrderStatusContext } from "./load-order-status-context"
import { backfillPlacement } from "../utils/backfill-placement"
import { assertOrderOwner } from "../utils/assert-order-owner"
import { transitionDenied } from "../utils/transition-denied"

export type StatusChangeRequest = {
  to: string
  actor: Actor
  actor_id?: string | null
  reason?: string | null
  source: string
  idempotency_key?: string | null
  /** Customers may only change their own orders: anyone else's answers 404. */
  customer_id?: string | null
  /** Skip (no error) unless the order is in one of these states. Used by timers. */
  only_from?: string[]
  /** Skip (no error) when Medusa's payment status is one of these. Used by timers. */
  skip_payment_statuses?: string[]
}

export type StatusChangePlan = {
  changes: StatusChangeInput[]
  cancel_in_medusa: boolean
  complete_in_medusa: boolean
  /** Set when the same idempotency key already did this: nothing new is recorded. */
  replayed: OrderStatusContext["replay"]
  /** Why a conditional (timer) change did nothing. */
  skipped: string | null
}

export const planStatusChangeStepId = "plan-status-change"

/**
 * Checks a requested change against the rules in force and Medusa's facts, and
 * says which Medusa workflow must run with it. Throws a denial that names the
 * allowed next states.
 */
export const planStatusChangeStep = createStep(
  planStatusChangeStepId,
  async (input: { context: OrderStatusContext; request: StatusChangeRequest }) => {
    const { context, request } = input
    const plan = (patch: Partial<StatusChangePlan>): StepResponse<StatusChangePlan> =>
      new StepResponse({
        changes: [],
        cancel_in_medusa: false,
        complete_in_medusa: false,
        replayed: null,
        skipped: null,
        ...patch,
      })

    assertOrderOwner(context, request.customer_id)
    if (context.replay) {
      if (context.replay.to_status !== request.to) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Idempotency key "${request.idempotency_key}" was already used on this order for a change to "${context.replay.to_status}"; use a new key for a different change.`
        )
      }
      return plan({ replayed: context.replay })
    }

    const from = context.status ?? context.rule_set.initial
    if (request.only_from && !request.only_from.includes(from)) {
      return plan({ skipped: `the order is "${from}" now` })
    }
    if (request.skip_payment_statuses?.includes(context.facts.payment_status)) {
      return plan({ skipped: `the payment is "${context.facts.payment_status}" in Medusa` })
    }

    const evaluation = evaluateTransition(context.rule_set, {
      from,
      to: request.to,
      actor: request.actor,
      facts: context.facts,
      reason: request.reason ?? undefined,
    })
    if (!evaluation.allowed) {
      throw transitionDenied(evaluation, from)
    }

    const cancelInMedusa = request.to === "cancelled" && context.facts.status !== "canceled"
    const completeInMedusa = request.to === "completed" && context.facts.status !== "completed"
    const factsAfter = cancelInMedusa
      ? { ...context.facts, status: "canceled" as const }
      : context.facts
    const contradiction = contradictsMedusa(request.to, factsAfter)
    if (contradiction) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, contradiction)
    }

    return plan({
      cancel_in_medusa: cancelInMedusa,
      complete_in_medusa: completeInMedusa,
      changes: [
        ...backfillPlacement(context),
        {
          from_status: from,
          to_status: request.to,
          actor: request.actor,
          actor_id: request.actor_id ?? null,
          reason: request.reason?.trim() || null,
          source: request.source,
          idempotency_key: request.idempotency_key ?? null,
        },
      ],
    })
  }
)
