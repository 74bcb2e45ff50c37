"use server"

import type { HttpTypes } from "@medusajs/types"
import { MPESA_PHONE_KEY, PAYMENT_PROVIDER_KEY, paymentChoice, readAddress, toStoreAddress, validateAddress } from "../checkout"
import { stripePublishableKey } from "../config"
import { availablePaymentMethods, isManual, isMpesa, isStripe } from "../payments"
import { shopperMessage } from "../util/errors"
import { normalizeKenyanPhone } from "../util/phone"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { CART_FIELDS, listPaymentProviders, loadCart } from "./cart"
import { authHeaders, clearCartId } from "./cookies"
import { loadCustomer } from "./customer"
import { storeFetch } from "./fetch"
import { forwardedFor } from "./client-address"
import { orderTokenForCart, rememberOrderToken } from "./mpesa"
import { orderPagePath } from "../mpesa"
import { sdk } from "../sdk"
import { withRetry } from "./retry"

const NO_CART: ActionState = { error: "Your cart is empty or has already been ordered. Add something to your cart first." }

function checkoutUrl(country: string, step: string) {
  return `/${country}/checkout?step=${step}`
}

async function updateCart(cartId: string, body: Record<string, unknown>) {
  return storeFetch<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cartId}`, {
    method: "POST",
    body,
    query: { fields: CART_FIELDS },
    headers: await authHeaders(),
  })
}

export async function saveAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const cart = await loadCart()
  if (!cart) {
    return NO_CART
  }
  const customer = await loadCustomer().catch(() => null)
  const address = readAddress(formData)
  if (customer && !address.email) {
    address.email = customer.email
  }
  const countries = (cart.region?.countries ?? []).map((c) => (c.iso_2 ?? "").toLowerCase())
  const fields = validateAddress(address, { requireEmail: !customer, countries })
  if (Object.keys(fields).length) {
    return { error: "Check the highlighted fields.", fields }
  }
  try {
    const storeAddress = toStoreAddress(address)
    await updateCart(cart.id, { email: address.email, shipping_address: storeAddress, billing_address: storeAddress })
    if (customer && formData.get("save_address") === "on") {
      const known = (customer.addresses ?? []).some(
        (a) => a.address_1 === storeAddress.address_1 && a.city === storeAddress.city && a.country_code === storeAddress.country_code
      )
      if (!known) {
        await storeFetch("/store/customers/me/addresses", {
          method: "POST",
          body: { ...storeAddress, is_default_shipping: !(customer.addresses ?? []).length },
          query: { fields: "id" },
          headers: await authHeaders(),
        }).catch(() => undefined)
      }
    }
  } catch (error) {
    return { error: shopperMessage(error, "We couldn't save your address. Please try again.") }
  }
  return goTo(checkoutUrl(country, "delivery"))
}

export async function saveDelivery(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const optionId = String(formData.get("shipping_option_id") ?? "")
  const cart = await loadCart()
  if (!cart) {
    return NO_CART
  }
  if (!optionId) {
    return { error: "Choose how you'd like to receive your order.", fields: { shipping_option_id: "Choose a delivery option." } }
  }
  try {
    await storeFetch(`/store/carts/${cart.id}/shipping-methods`, {
      method: "POST",
      body: { option_id: optionId },
      query: { fields: "id" },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, "That delivery option isn't available for your address. Choose another one.") }
  }
  return goTo(checkoutUrl(country, "payment"))
}

export async function savePayment(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const providerId = String(formData.get("provider_id") ?? "")
  const cart = await loadCart()
  if (!cart) {
    return NO_CART
  }
  const providers = await listPaymentProviders(cart.region_id!)
  const methods = availablePaymentMethods(providers, { stripeKey: stripePublishableKey() })
  if (!methods.some((m) => m.providerId === providerId)) {
    return { error: "Choose how you'd like to pay.", fields: { provider_id: "Choose a payment method." } }
  }
  const metadata: Record<string, string> = { [PAYMENT_PROVIDER_KEY]: providerId }
  if (isMpesa(providerId)) {
    const phone = normalizeKenyanPhone(String(formData.get("mpesa_phone") ?? ""))
    if (!phone) {
      return {
        error: "Check your M-Pesa number.",
        fields: { mpesa_phone: "Enter the Safaricom number that pays, like 0712 345 678." },
      }
    }
    metadata[MPESA_PHONE_KEY] = phone
  }
  try {
    await updateCart(cart.id, { metadata: { ...(cart.metadata ?? {}), ...metadata } })
    if (isStripe(providerId)) {
      // Cards need their PaymentIntent now: the review step shows Stripe's card form for it.
      const headers = await authHeaders()
      await withRetry(() => sdk().store.payment.initiatePaymentSession(cart, { provider_id: providerId }, {}, headers), { idempotent: false })
    }
  } catch (error) {
    return { error: shopperMessage(error, "We couldn't save your payment choice. Please try again.") }
  }
  return goTo(checkoutUrl(country, "review"))
}

/**
 * Places the order. M-Pesa: starting the payment session sends the prompt to the
 * phone, then the cart completes into an order that awaits payment, and the
 * shopper follows the payment live on the "check your phone" page. Cash: the
 * order is placed at once. Card: Stripe.js confirmed the card in the browser
 * before this runs.
 */
export async function placeOrder(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const country = String(formData.get("country") ?? "ke")
  const cart = await loadCart()
  if (!cart) {
    return NO_CART
  }
  const { providerId, phone } = paymentChoice(cart)
  if (!providerId) {
    return { error: "Choose how you'd like to pay before placing the order." }
  }
  const headers = await authHeaders()
  let orderId: string
  try {
    if (isMpesa(providerId) || isManual(providerId)) {
      // The shopper's address, for the backend's per-client prompt limit.
      const pushHeaders = isMpesa(providerId) ? { ...headers, ...(await forwardedFor()) } : headers
      await withRetry(
        () =>
          sdk().store.payment.initiatePaymentSession(
            cart,
            { provider_id: providerId, ...(isMpesa(providerId) ? { data: { phone } } : {}) },
            {},
            pushHeaders
          ),
        { idempotent: false }
      )
    }
    const result = await withRetry(() => sdk().store.cart.complete(cart.id, {}, headers), { idempotent: false })
    if (result.type !== "order") {
      return { error: shopperMessage(result.error, "We couldn't place your order. Check your details and try again.") }
    }
    orderId = result.order.id
  } catch (error) {
    return { error: shopperMessage(error, "We couldn't place your order. Please try again.") }
  }
  // A guest's proof of the order (the cart id is about to be forgotten): the pay page link keeps it.
  const token = isMpesa(providerId) ? await orderTokenForCart(cart.id) : undefined
  await rememberOrderToken(orderId, token)
  await clearCartId()
  // The header's cart count goes back to 0.
  return goTo(isMpesa(providerId) ? orderPagePath(country, orderId, "pay", token) : `/${country}/order/${orderId}/confirmed`, {
    refreshLayout: true,
  })
}
