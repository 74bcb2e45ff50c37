import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MpesaSessionData } from "../providers/mpesa/session-data"
import { linkCollectionStkRequestsStep } from "./steps/link-collection-stk-requests"
import { recordStkRequestsStep } from "./steps/record-stk-requests"

export type LinkStkRequestsToOrderWorkflowInput = { order_id: string }

export const linkStkRequestsToOrderWorkflowId = "link-mpesa-stk-requests-to-order"

type Session = { id: string; provider_id: string; payment_collection_id: string; data: MpesaSessionData | null }

/** Reads the order's M-Pesa payment sessions (nothing is written here). */
const listOrderMpesaSessionsStep = createStep(
  "list-order-mpesa-sessions",
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
    const collections = (data[0] as { payment_collections?: ({ id: string; payment_sessions?: Session[] } | null)[] } | undefined)
      ?.payment_collections ?? []
    const sessions = collections
      .flatMap((pc) => pc?.payment_sessions ?? [])
      .filter((s): s is Session => !!s && s.provider_id.startsWith("pp_mpesa"))
    return new StepResponse({ sessions, payment_collection_ids: collections.flatMap((pc) => (pc ? [pc.id] : [])) })
  }
)

/**
 * Puts the order id on the order's M-Pesa ledger rows as soon as it is placed
 * (recording any the push route had not recorded yet), and names the ones
 * paid while the shopper was placing the order: cart completion captured
 * them, so the ledger still has to settle (and announce) the capture.
 */
export const linkStkRequestsToOrderWorkflow = createWorkflow(
  linkStkRequestsToOrderWorkflowId,
  (input: LinkStkRequestsToOrderWorkflowInput) => {
    const listed = listOrderMpesaSessionsStep(input)
    const recorded = recordStkRequestsStep({ sessions: transform({ listed }, ({ listed }) => listed.sessions) })
    const earlier = linkCollectionStkRequestsStep(
      transform({ listed, input }, ({ listed, input }) => ({ order_id: input.order_id, payment_collection_ids: listed.payment_collection_ids }))
    )
    return new WorkflowResponse(
      transform({ recorded, earlier }, ({ recorded, earlier }) => {
        const requests = [...recorded, ...earlier]
        return {
          linked: requests.length,
          paid_uncaptured: requests.filter((r) => r.status === "paid" && !r.captured_at).map((r) => r.checkout_request_id),
        }
      })
    )
  }
)
