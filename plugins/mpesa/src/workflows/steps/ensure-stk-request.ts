import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MPESA_MODULE } from "../../modules/mpesa"
import type MpesaModuleService from "../../modules/mpesa/service"
import { checkoutRefOf, sessionCheckoutId, sessionPhone } from "../../lib/session-phone"
import type { MpesaSessionData } from "../../providers/mpesa/session-data"

export type StkRequestRecord = Awaited<ReturnType<MpesaModuleService["retrieveStkRequest"]>>

type SessionRow = { id: string; payment_collection_id: string; data: MpesaSessionData | null }

async function cartAndOrderOf(container: MedusaContainer, paymentCollectionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: paymentCollectionId },
  })
  const cartId = (carts[0] as { cart_id?: string } | undefined)?.cart_id
  if (!cartId) {
    return { cartId: undefined, orderId: undefined }
  }
  const { data: orders } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
  return { cartId, orderId: (orders[0] as { order_id?: string } | undefined)?.order_id }
}

/**
 * The ledger row of an STK push, made from its payment session the first time
 * anything (the push route, a callback, the status route, the reconciliation
 * job) looks for it. Returns whether it was created, for compensation.
 */
export async function ensureStkRequest(
  container: MedusaContainer,
  session: SessionRow
): Promise<{ request?: StkRequestRecord; created: boolean }> {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const data = session.data ?? {}
  const phone = sessionPhone(container, data)
  const checkoutRequestId = sessionCheckoutId(container, data)
  if (!checkoutRequestId || !phone || !data.amount_kes) {
    return { created: false }
  }
  const [existing] = await mpesa.listStkRequests({ checkout_request_id: checkoutRequestId })
  if (existing) {
    return { request: await withItsOrder(container, existing), created: false }
  }
  const { cartId, orderId } = await cartAndOrderOf(container, session.payment_collection_id)
  try {
    const request = await mpesa.createStkRequests({
      checkout_request_id: checkoutRequestId,
      merchant_request_id: data.merchant_request_id ?? null,
      payment_session_id: session.id,
      payment_collection_id: session.payment_collection_id,
      cart_id: cartId ?? null,
      order_id: orderId ?? null,
      phone,
      amount_kes: data.amount_kes,
      shopper_message: data.shopper_message ?? null,
    })
    return { request, created: true }
  } catch {
    // Another process recorded it first (checkout_request_id is unique).
    const [raced] = await mpesa.listStkRequests({ checkout_request_id: checkoutRequestId })
    return { request: raced, created: false }
  }
}

/**
 * A row recorded before its order existed gets the order's id from its own
 * payment collection, not from the session: a resend since then made the
 * session name the new prompt, and the order.placed link may not have run yet.
 */
export async function withItsOrder(container: MedusaContainer, row: StkRequestRecord): Promise<StkRequestRecord> {
  if (row.order_id || !row.payment_collection_id) {
    return row
  }
  const { orderId } = await cartAndOrderOf(container, row.payment_collection_id)
  return orderId
    ? container.resolve<MpesaModuleService>(MPESA_MODULE).updateStkRequests({ id: row.id, order_id: orderId })
    : row
}

/**
 * Finds the payment session that pushed a CheckoutRequestID. The id lives only
 * in the session's JSON data (sealed, found by its ref; in the clear on older
 * sessions), which the payment module cannot filter on, so
 * this one read goes to the table directly (read-only, indexed by nothing but
 * small: only callbacks that beat the push's own recording take this path).
 */
export async function sessionForCheckoutRequest(
  container: MedusaContainer,
  checkoutRequestId: string
): Promise<SessionRow | undefined> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const row = await pg("payment_session")
    .select("id", "payment_collection_id", "data")
    .where((q) =>
      q
        .whereRaw("data->>'checkout_ref' = ?", [checkoutRefOf(container, checkoutRequestId)])
        .orWhereRaw("data->>'checkout_request_id' = ?", [checkoutRequestId])
    )
    .whereNull("deleted_at")
    .first()
  return row ? { id: row.id, payment_collection_id: row.payment_collection_id, data: row.data as MpesaSessionData } : undefined
}

export type EnsureStkRequestStepInput = { checkout_request_id: string }

export const ensureStkRequestStepId = "ensure-mpesa-stk-request"

/** Loads (or records from its payment session) the STK request of a CheckoutRequestID. */
export const ensureStkRequestStep = createStep(
  ensureStkRequestStepId,
  async (input: EnsureStkRequestStepInput, { container }) => {
    const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
    const [existing] = await mpesa.listStkRequests({ checkout_request_id: input.checkout_request_id })
    if (existing) {
      return new StepResponse((await withItsOrder(container, existing)) as StkRequestRecord | undefined, null as string | null)
    }
    const session = await sessionForCheckoutRequest(container, input.checkout_request_id)
    if (!session) {
      return new StepResponse(undefined as StkRequestRecord | undefined, null as string | null)
    }
    const { request, created } = await ensureStkRequest(container, session)
    return new StepResponse(request, created && request ? request.id : null)
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<MpesaModuleService>(MPESA_MODULE).deleteStkRequests(createdId)
    }
  }
)
