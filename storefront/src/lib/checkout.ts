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

/** Cart metadata keys where the storefront keeps the shopper's payment choice until the order is placed. */
export const PAYMENT_PROVIDER_KEY = "soko_payment_provider"
export const MPESA_PHONE_KEY = "soko_mpesa_phone"

type CartLike = Pick<HttpTypes.StoreCart, "email" | "shipping_address" | "shipping_methods" | "metadata" | "payment_collection">

export function paymentChoice(cart: CartLike): { providerId?: string; phone?: string } {
  const meta = (cart.metadata ?? {}) as Record<string, unknown>
  const providerId = typeof meta[PAYMENT_PROVIDER_KEY] === "string" ? (meta[PAYMENT_PROVIDER_KEY] as string) : undefined
  const phone = typeof meta[MPESA_PHONE_KEY] === "string" ? (meta[MPESA_PHONE_KEY] as string) : undefined
  return { providerId, phone }
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
