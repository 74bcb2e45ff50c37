import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { c2bCapturedBy } from "../../utils/c2b-capture-retry"
import type { C2bCapturePlan } from "./match-c2b-payment"

export type FoundC2bCapture = {
  /** The Medusa payment of the session the payment pays; null while the session is not authorized yet. */
  payment_id: string | null
  /** Medusa already holds a capture tagged with this TransID. */
  captured: boolean
  /** The payment holding that capture, and its session. */
  captured_payment_id: string | null
  captured_session_id: string | null
}

type OrderPayments = {
  payment_collections?: { payments?: { id: string; payment_session_id?: string | null; captures?: { created_by?: string | null }[] }[] }[]
}

/** Whether Medusa captured this C2B payment on the order (a capture tagged with its TransID), and the session's payment. */
export async function findC2bCapture(container: MedusaContainer, input: { order_id: string; session_id?: string | null; trans_id: string }): Promise<FoundC2bCapture> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "payment_collections.payments.id", "payment_collections.payments.payment_session_id", "payment_collections.payments.captures.created_by"],
    filters: { id: input.order_id },
  })
  const payments = ((data[0] as OrderPayments | undefined)?.payment_collections ?? []).flatMap((pc) => pc.payments ?? [])
  const tag = c2bCapturedBy(input.trans_id)
  const holder = payments.find((p) => (p.captures ?? []).some((c) => c.created_by === tag))
  return {
    payment_id: payments.find((p) => input.session_id && p.payment_session_id === input.session_id)?.id ?? null,
    captured: !!holder,
    captured_payment_id: holder?.id ?? null,
    captured_session_id: holder?.payment_session_id ?? null,
  }
}

const NOTHING: FoundC2bCapture = { payment_id: null, captured: false, captured_payment_id: null, captured_session_id: null }

/** Reads, never writes: see findC2bCapture. Without a capture plan there is nothing to look for. */
export const findC2bCaptureStep = createStep(
  "find-mpesa-c2b-capture",
  async (plan: C2bCapturePlan | undefined, { container }) => new StepResponse(plan ? await findC2bCapture(container, plan) : NOTHING)
)
