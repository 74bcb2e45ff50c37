/**
 * Checkout's steps and rules, as pure functions (the pages and actions use
 * them; the tests pin them down).
 */
import { createTranslator } from "next-intl"
import en from "../../messages/en.json"
import type { HttpTypes } from "@medusajs/types"
import { isMpesa, isStripe } from "./payments"
import { normalizeKenyanPhone } from "./util/phone"

export const STEPS = ["address", "delivery", "payment", "review"] as const
export type Step = (typeof STEPS)[number]

/** The shopper's payment choice, kept until the order is placed (lib/data/cookies.ts). */
export type PaymentChoice = { providerId?: string; phone?: string }

/** A cart as checkout sees it: Medusa's cart plus the payment choice kept beside it. */
type CartLike = Pick<HttpTypes.StoreCart, "email" | "shipping_address" | "shipping_methods" | "payment_collection"> & { payment?: PaymentChoice }

export function paymentChoice(cart: CartLike): PaymentChoice {
  return cart.payment ?? {}
}

/**
 * The payment choice as a cookie value, tied to its cart. Why a cookie and not
 * the cart's metadata: a cart update runs Medusa's whole cart refresh (taxes,
 * promotions, shipping, payment collection), about 250 ms of server work per
 * checkout (bench/per-call.ts) for two strings only the storefront reads; and
 * the shopper's full M-Pesa number no longer sits on the cart in the database.
 */
export function encodePaymentChoice(cartId: string, choice: PaymentChoice): string {
  return Buffer.from(JSON.stringify({ cart: cartId, provider: choice.providerId, phone: choice.phone })).toString("base64url")
}

/** The choice a cookie value holds for this cart; nothing for another cart's or a malformed value. */
export function decodePaymentChoice(value: string | undefined, cartId: string): PaymentChoice | undefined {
  if (!value) {
    return undefined
  }
  try {
    const raw = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<string, unknown>
    if (raw.cart !== cartId || typeof raw.provider !== "string") {
      return undefined
    }
    return { providerId: raw.provider, ...(typeof raw.phone === "string" ? { phone: raw.phone } : {}) }
  } catch {
    return undefined
  }
}

export function isStepDone(cart: CartLike, step: Step): boolean {
  switch (step) {
    case "address":
      return Boolean(cart.email && cart.shipping_address?.address_1 && cart.shipping_address?.country_code)
    case "delivery":
      return (cart.shipping_methods ?? []).length > 0
    case "payment": {
      const { providerId, phone } = paymentChoice(cart)
      if (!providerId) {
        return false
      }
      if (isMpesa(providerId)) {
        return Boolean(normalizeKenyanPhone(phone))
      }
      if (isStripe(providerId)) {
        return Boolean(cart.payment_collection?.payment_sessions?.some((s) => s.provider_id === providerId))
      }
      return true
    }
    case "review":
      return false
  }
}

/** The step to show: the one asked for, unless an earlier step still needs doing. */
export function currentStep(cart: CartLike, requested?: string | null): Step {
  const firstOpen = STEPS.find((s) => !isStepDone(cart, s)) ?? "review"
  const wanted = (STEPS as readonly string[]).includes(requested ?? "") ? (requested as Step) : firstOpen
  return STEPS.indexOf(wanted) <= STEPS.indexOf(firstOpen) ? wanted : firstOpen
}

export type AddressInput = {
  email: string
  first_name: string
  last_name: string
  phone: string
  country_code: string
  province: string
  city: string
  address_1: string
  address_2: string
  postal_code: string
}

export function readAddress(form: FormData): AddressInput {
  const s = (k: keyof AddressInput) => String(form.get(k) ?? "").trim()
  return {
    email: s("email").toLowerCase(),
    first_name: s("first_name"),
    last_name: s("last_name"),
    phone: s("phone"),
    country_code: s("country_code").toLowerCase(),
    province: s("province"),
    city: s("city"),
    address_1: s("address_1"),
    address_2: s("address_2"),
    postal_code: s("postal_code"),
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type AddressErrorKey = keyof typeof en.addressErrors
/** Words for the `addressErrors` messages: `await getTranslations("addressErrors")` in an action. */
export type AddressWords = (key: AddressErrorKey) => string

let english: AddressWords | undefined
function englishWords(): AddressWords {
  english ??= createTranslator({ locale: "en-KE", messages: en, namespace: "addressErrors" })
  return english
}

/** Field → message for what the shopper must fix (empty when the address is usable), in `t`'s language. */
export function validateAddress(
  a: AddressInput,
  options: { requireEmail: boolean; countries: string[] },
  t: AddressWords = englishWords()
): Record<string, string> {
  const errors: Record<string, string> = {}
  if (options.requireEmail && !EMAIL.test(a.email)) {
    errors.email = t("email")
  }
  if (!a.first_name) {
    errors.first_name = t("firstName")
  }
  if (!a.last_name) {
    errors.last_name = t("lastName")
  }
  if (!options.countries.includes(a.country_code)) {
    errors.country_code = t("country")
  }
  const kenya = a.country_code === "ke"
  if (kenya) {
    if (!normalizeKenyanPhone(a.phone)) {
      errors.phone = t("phoneKenya")
    }
    if (!a.province) {
      errors.province = t("county")
    }
  } else if (a.phone.replace(/\D/g, "").length < 6) {
    errors.phone = t("phone")
  }
  if (!a.city) {
    errors.city = kenya ? t("townKenya") : t("city")
  }
  if (!a.address_1) {
    errors.address_1 = kenya ? t("streetKenya") : t("street")
  }
  return errors
}

/** The cart/customer address body for the store API. */
export function toStoreAddress(a: AddressInput) {
  const kenya = a.country_code === "ke"
  const phone = kenya ? `+${normalizeKenyanPhone(a.phone) ?? a.phone}` : a.phone
  return {
    first_name: a.first_name,
    last_name: a.last_name,
    phone,
    country_code: a.country_code,
    province: a.province,
    city: a.city,
    address_1: a.address_1,
    address_2: a.address_2 || undefined,
    postal_code: a.postal_code || undefined,
  }
}
