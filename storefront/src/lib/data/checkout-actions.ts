"use server"

import { getTranslations } from "next-intl/server"
import { getContentLocale, getShopLocale } from "../../i18n/server"
import { type PaymentChoice, readAddress, toStoreAddress, validateAddress } from "../checkout"
import { stripePublishableKey } from "../config"
import { availablePaymentMethods, isManual, isMpesa, isStripe } from "../payments"
import { shopperMessage } from "../util/errors"
import { normalizeKenyanPhone } from "../util/phone"
import { goTo } from "./action-result"
import type { ActionState } from "./action-state"
import { listPaymentProviders, loadCartForAction } from "./cart"
import { authHeaders, clearCartId, getPaymentChoice, setPaymentChoice } from "./cookies"
import { loadCustomer } from "./customer"
import { storeFetch } from "./fetch"
import { forwardedFor } from "./client-address"
import { orderTokenForCart, rememberOrderToken } from "./mpesa"
import { orderPagePath } from "../mpesa"
import { sdk } from "../sdk"
import { withRetry } from "./retry"

/** The words for this file's answers, in the shopper's language. */
async function words() {
  const [t, errors, address] = await Promise.all([
    getTranslations("checkoutActions"),
    getTranslations("errors"),
    getTranslations("addressErrors"),
  ])
  return { t, errors, address, noCart: { error: t("noCart") } satisfies ActionState }
}

function checkoutUrl(country: string, step: string) {
  return `/${country}/checkout?step=${step}`
}

/** The next page render reads the cart it shows, so the update's answer is only its id (no totals recomputed for it). */
async function updateCart(cartId: string, body: Record<string, unknown>) {
  await storeFetch(`/store/carts/${cartId}`, {
    method: "POST",
    body,
    query: { fields: "id" },
    headers: await authHeaders(),
  })
}

export async function saveAddress(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, address: addressWords, noCart } = await words()
  const country = String(formData.get("country") ?? "ke")
  const cart = await loadCartForAction()
  if (!cart) {
    return noCart
  }
  const customer = await loadCustomer().catch(() => null)
  const address = readAddress(formData)
  if (customer && !address.email) {
    address.email = customer.email
  }
  const countries = (cart.region?.countries ?? []).map((c) => (c.iso_2 ?? "").toLowerCase())
  const fields = validateAddress(address, { requireEmail: !customer, countries }, addressWords)
  if (Object.keys(fields).length) {
    return { error: addressWords("checkFields"), fields }
  }
  try {
    const storeAddress = toStoreAddress(address)
    // The language goes with the address (no extra call), so the order is in the one the shopper checks out in:
    // the content locale for Medusa, the shop language for the notifications plugin (an English order has no locale).
    await updateCart(cart.id, {
      email: address.email,
      shipping_address: storeAddress,
      billing_address: storeAddress,
      locale: await getContentLocale(),
      metadata: { locale: await getShopLocale() },
    })
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
    return { error: shopperMessage(error, t("addressFailed"), errors) }
  }
  return goTo(checkoutUrl(country, "delivery"))
}

export async function saveDelivery(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, noCart } = await words()
  const country = String(formData.get("country") ?? "ke")
  const optionId = String(formData.get("shipping_option_id") ?? "")
  const cart = await loadCartForAction()
  if (!cart) {
    return noCart
  }
  if (!optionId) {
    return { error: t("chooseDelivery"), fields: { shipping_option_id: t("chooseDeliveryField") } }
  }
  try {
    await storeFetch(`/store/carts/${cart.id}/shipping-methods`, {
      method: "POST",
      body: { option_id: optionId },
      query: { fields: "id" },
      headers: await authHeaders(),
    })
  } catch (error) {
    return { error: shopperMessage(error, t("deliveryFailed"), errors) }
  }
  return goTo(checkoutUrl(country, "payment"))
}

export async function savePayment(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { t, errors, noCart } = await words()
  const country = String(formData.get("country") ?? "ke")
  const providerId = String(formData.get("provider_id") ?? "")
  const cart = await loadCartForAction()
  if (!cart) {
    return noCart
  }
  const providers = await listPaymentProviders(cart.region_id!)
  const methods = availablePaymentMethods(providers, { stripeKey: stripePublishableKey() })
  if (!methods.some((m) => m.providerId === providerId)) {
    return { error: t("choosePayment"), fields: { provider_id: t("choosePaymentField") } }
  }
  const choice: PaymentChoice = { providerId }
  if (isMpesa(providerId)) {
    const phone = normalizeKenyanPhone(String(formData.get("mpesa_phone") ?? ""))
    if (!phone) {
      return {
        error: t("checkMpesa"),
        fields: { mpesa_phone: t("checkMpesaField") },
      }
    }
    choice.phone = phone
  }
  try {
    await setPaymentChoice(cart.id, choice)
    if (isStripe(providerId)) {
      // Cards need their PaymentIntent now: the review step shows Stripe's card form for it.
      const headers = await authHeaders()
      await withRetry(() => sdk().store.payment.initiatePaymentSession(cart, { provider_id: providerId }, {}, headers), { idempotent: false })
    }
  } catch (error) {
    return { error: shopperMessage(error, t("paymentFailed"), errors) }
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
  const { t, errors, noCart } = await words()
  const country = String(formData.get("country") ?? "ke")
  const cart = await loadCartForAction()
  if (!cart) {
    return noCart
  }
  const { providerId, phone } = (await getPaymentChoice(cart.id)) ?? {}
  if (!providerId) {
    return { error: errors("payment") }
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
      return { error: shopperMessage(result.error, t("orderRefused"), errors) }
    }
    orderId = result.order.id
  } catch (error) {
    return { error: shopperMessage(error, t("orderFailed"), errors) }
  }
  // A guest's proof of the order (the cart id is about to be forgotten): the pay page link keeps it.
  const token = isMpesa(providerId) ? await orderTokenForCart(cart.id) : undefined
  await rememberOrderToken(orderId, token)
  // The redirect's page is rendered with the cart forgotten: the header's cart count is back to 0.
  await clearCartId()
  return goTo(isMpesa(providerId) ? orderPagePath(country, orderId, "pay", token) : `/${country}/order/${orderId}/confirmed`)
}
