import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { ensureStkRequest } from "./steps/ensure-stk-request"

export type LinkStkRequestsToOrderWorkflowInput = { order_id: string }

export const linkStkRequestsToOrderWorkflowId = "link-mpesa-stk-requests-to-order"

const linkStkRequestsToOrderStep = createStep(
  "link-mpesa-stk-requests-to-order",
  async ({ order_id }: LinkStkRequestsToOrderWorkflowInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.provider_id",
        "payment_collections.payment_sessions.payment_collection_id",
        "payment_collections.payment_sessions.data",
      ],
      filters: { id: order_id },
    })
    type Session = { id: string; provider_id: string; payment_collection_id: string; data: MpesaSessionData | null }
    const sessions = ((data[0] as { payment_collections?: { payment_sessions?: Session[] }[] } | undefined)
      ?.payment_collections ?? [])
      .flatMap((pc) => pc?.payment_sessions ?? [])
      .filter((s): s is Session => !!s && s.provider_id.startsWith("pp_mpesa"))
    let linked = 0
    // Paid while the shopper was placing the order: cart completion captured
    // them, so the ledger still has to settle (and announce) the capture.
    const paidUncaptured: string[] = []
    for (const session of sessions) {
      const { request } = await ensureStkRequest(container, session)
      linked += request ? 1 : 0
      if (request?.status === "paid" && !request.captured_at) {
        paidUncaptured.push(request.checkout_request_id)
      }
    }
    return new StepResponse({ linked, paid_uncaptured: paidUncaptured })
  }
)

/** Puts the order id on the order's M-Pesa ledger rows as soon as it is placed. */
export const linkStkRequestsToOrderWorkflow = createWorkflow(
  linkStkRequestsToOrderWorkflowId,
  (input: LinkStkRequestsToOrderWorkflowInput) => new WorkflowResponse(linkStkRequestsToOrderStep(input))
)
