import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAID_MESSAGE, type MpesaSessionData } from "../../providers/mpesa/session-data"

/** A paid push whose cart nobody completed for this long is completed by the reconciler. */
export const ABANDONED_CART_GRACE_MS = 2 * 60 * 1000

export type RouteMpesaCaptureStepInput = {
  session_id: string
  receipt_number?: string
  settled_at?: string | Date | null
  now?: string | Date
}

export type MpesaCaptureRoute = {
  /**
   * "order": the order exists, capture now; "cart": the shopper is still
   * checking out, cart completion will capture (it reads the paid session);
   * "complete": paid but abandoned, complete the cart; "done": already captured;
   * "gone": the session was removed after the outcome was decided, so nothing
   * can be captured and the payment goes to the merchant's review queue.
   */
  route: "order" | "cart" | "complete" | "done" | "gone"
  amount: number
  /** The captured Medusa payment, for "done". */
  payment_id?: string
}

export const routeMpesaCaptureStepId = "route-mpesa-capture"

/**
 * Marks the session paid and decides who captures, under the cart's lock, the
 * one Medusa's cart completion takes. A callback racing the shopper's "place
 * order" therefore never completes the cart a second time (Medusa #13301).
 */
export const routeMpesaCaptureStep = createStep(
  routeMpesaCaptureStepId,
  async (input: RouteMpesaCaptureStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const payment = container.resolve(Modules.PAYMENT)
    const { data: sessions } = await query.graph({
      entity: "payment_session",
      fields: ["id", "amount", "currency_code", "data", "payment_collection_id", "payment.id", "payment.captured_at"],
      filters: { id: input.session_id },
    })
    const session = sessions[0] as
      | {
          id: string
          amount: number
          currency_code: string
          data: MpesaSessionData | null
          payment_collection_id: string
          payment?: { id: string; captured_at?: string | null } | null
        }
      | undefined
    if (!session) {
      return new StepResponse<MpesaCaptureRoute, null>({ route: "gone", amount: 0 }, null)
    }
    const { data: carts } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: session.payment_collection_id },
    })
    const cartId = (carts[0] as { cart_id?: string } | undefined)?.cart_id

    const decide = async (): Promise<MpesaCaptureRoute> => {
      if (session.data?.status !== "paid") {
        await payment.updatePaymentSession({
          id: session.id,
          amount: session.amount,
          currency_code: session.currency_code,
          data: {
            ...(session.data ?? {}),
            status: "paid",
            shopper_message: PAID_MESSAGE,
            new_push: false,
            ...(input.receipt_number ? { receipt_number: input.receipt_number } : {}),
          },
        })
      }
      if (session.payment?.captured_at) {
        return { route: "done", amount: session.amount, payment_id: session.payment.id }
      }
      if (!cartId) {
        return { route: "order", amount: session.amount }
      }
      const { data: orders } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      if (orders.length) {
        return { route: "order", amount: session.amount }
      }
      const settledAt = input.settled_at ? new Date(input.settled_at).getTime() : Date.now()
      const now = input.now ? new Date(input.now).getTime() : Date.now()
      return { route: now - settledAt >= ABANDONED_CART_GRACE_MS ? "complete" : "cart", amount: session.amount }
    }

    const locking = container.resolve(Modules.LOCKING)
    const route = cartId ? await locking.execute(cartId, decide, { timeout: 30 }) : await decide()
    return new StepResponse<MpesaCaptureRoute, null>(route, null)
  }
)
