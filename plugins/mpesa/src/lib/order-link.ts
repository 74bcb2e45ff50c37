import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { type Holder, holderOf } from "../utils/holder"
import { orderLinkSecret, signOrderToken, verifyOrderToken } from "../utils/order-token"
import { findMpesaSession, type FoundMpesaSession } from "./payment-sessions"

type HttpConfig = { projectConfig?: { http?: { cookieSecret?: string; jwtSecret?: string } } }

/** The token the storefront puts in the order page link (see utils/order-token). */
export function orderTokenFor(container: MedusaContainer, orderId: string): string {
  return signOrderToken(appOrderLinkSecret(container), orderId)
}

function appOrderLinkSecret(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE) as HttpConfig
  return orderLinkSecret(config.projectConfig?.http)
}

export type HeldMpesaSession = FoundMpesaSession & { holder: Holder }

/**
 * The M-Pesa session of a cart or order, only for its holder: the cart id,
 * the order's signed-in customer, or the order-link token. Everyone else gets
 * the same 404 as for an unknown id, so an order id alone reveals nothing.
 */
export async function findHeldMpesaSession(
  req: MedusaRequest,
  ref: { order_id?: string; cart_id?: string; token?: string },
  providerId: string
): Promise<HeldMpesaSession> {
  const found = await findMpesaSession(req.scope, ref, providerId)
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  const holder = holderOf({
    byCart: !!ref.cart_id,
    ownerCustomerId: found.customerId,
    actorId: auth?.actor_type === "customer" ? auth.actor_id : undefined,
    tokenValid: !!ref.order_id && !!found.orderId && verifyOrderToken(appOrderLinkSecret(req.scope), found.orderId, ref.token),
  })
  if (!holder) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No M-Pesa payment was found for this order or cart")
  }
  return { ...found, holder }
}
