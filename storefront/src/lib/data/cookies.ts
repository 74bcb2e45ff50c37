import "server-only"
import { cookies } from "next/headers"
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales"
import { decodePaymentChoice, encodePaymentChoice, type PaymentChoice } from "../checkout"
import { secureCookies } from "../config"

const CART = "soko_cart"
const JWT = "soko_jwt"
const COUNTRY = "soko_country"
const PAYMENT = "soko_payment"

const base = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() })

export async function getCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART)?.value
}

export async function setCartId(id: string) {
  ;(await cookies()).set(CART, id, { ...base(), maxAge: 60 * 60 * 24 * 30 })
}

export async function clearCartId() {
  const jar = await cookies()
  jar.set(CART, "", { ...base(), maxAge: 0 })
  jar.set(PAYMENT, "", { ...base(), maxAge: 0 })
}

/** The payment method (and M-Pesa number) chosen for this cart at checkout's payment step. */
export async function getPaymentChoice(cartId: string): Promise<PaymentChoice | undefined> {
  return decodePaymentChoice((await cookies()).get(PAYMENT)?.value, cartId)
}

export async function setPaymentChoice(cartId: string, choice: PaymentChoice) {
  ;(await cookies()).set(PAYMENT, encodePaymentChoice(cartId, choice), { ...base(), maxAge: 60 * 60 * 24 })
}

export async function getAuthToken(): Promise<string | undefined> {
  return (await cookies()).get(JWT)?.value
}

export async function setAuthToken(token: string) {
  ;(await cookies()).set(JWT, token, { ...base(), maxAge: 60 * 60 * 24 * 7 })
}

export async function clearAuthToken() {
  ;(await cookies()).set(JWT, "", { ...base(), maxAge: 0 })
}

/** Headers that make a store API call on the shopper's behalf. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await getAuthToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** The shopper's chosen country, remembered for links without one (set by the country picker). */
export async function setCountryCookie(code: string) {
  ;(await cookies()).set(COUNTRY, code, { ...base(), maxAge: 60 * 60 * 24 * 365 })
}

/** The shopper's language (set by the header's switch; the proxy sets it too for ?lang=). */
export async function setLocaleCookie(locale: Locale) {
  ;(await cookies()).set(LOCALE_COOKIE, locale, { ...base(), maxAge: 60 * 60 * 24 * 365 })
}

export const COOKIE_NAMES = { CART, JWT, COUNTRY, PAYMENT, LOCALE: LOCALE_COOKIE }
