import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { toMpesaAmount } from "../../utils/amount"
import { planReviewAttach, reviewReceipt } from "../../utils/review-actions"

export type PlanReviewAttachStepInput = { request_id: string; order_id: string }

export type PlannedReviewAttach = {
  request_id: string
  order_id: string
  session_id: string
  payment_collection_id: string
  receipt_number: string
}

type Session = { id: string; provider_id: string; amount: number; currency_code: string; status: string; payment_collection_id: string }
type Order = {
  id: string
  status: string
  currency_code: string
  payment_collections?: { id: string; payment_sessions?: Session[]; payments?: { captured_at?: string | null }[] }[]
}

export const planReviewAttachStepId = "plan-mpesa-review-attach"

/**
 * Decides whether a payment in review can pay the order the merchant chose
 * (utils/review-actions): 404 for an unknown payment or order, 409 with the
 * reason otherwise. Reads the order through Medusa's query graph; writes nothing.
 */
export const planReviewAttachStep = createStep(
  planReviewAttachStepId,
  async ({ request_id, order_id }: PlanReviewAttachStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [request] = await mpesa.listStkRequests({ id: request_id })
    if (!request) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No M-Pesa payment with id ${request_id}`)
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "currency_code",
        "payment_collections.id",
        "payment_collections.payment_sessions.*",
        "payment_collections.payments.captured_at",
      ],
      filters: { id: order_id },
    })
    const order = data[0] as Order | undefined
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order with id ${order_id}`)
    }
    const collections = order.payment_collections ?? []
    const session = collections
      .flatMap((pc) => (pc.payment_sessions ?? []).map((s) => ({ ...s, payment_collection_id: pc.id })))
      .filter((s) => s.provider_id?.startsWith("pp_mpesa") && s.status !== "canceled")
      .at(-1)
    const receipt = reviewReceipt(request)
    const taken = receipt ? (await mpesa.listStkRequests({ receipt_number: receipt })).some((r) => r.id !== request.id) : false
    const plan = planReviewAttach({
      request: { status: request.status, flag: request.flag, amount_kes: request.amount_kes, receipt },
      order: {
        status: order.status,
        currency_code: order.currency_code,
        mpesa_session: session ? { id: session.id, amount_kes: toMpesaAmount(session.amount, session.currency_code) } : undefined,
        captured: collections.some((pc) => (pc.payments ?? []).some((p) => !!p.captured_at)),
      },
      receipt_taken: taken,
    })
    if (!plan.ok) {
      throw new MedusaError(MedusaError.Types.CONFLICT, plan.reason)
    }
    return new StepResponse<PlannedReviewAttach>({
      request_id,
      order_id,
      session_id: plan.session_id,
      payment_collection_id: session!.payment_collection_id,
      receipt_number: receipt!,
    })
  }
)
