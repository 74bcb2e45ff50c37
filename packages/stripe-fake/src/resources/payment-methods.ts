import { err, missing, str } from "../errors"
import type { FormObject } from "../form"
import type { Json } from "../types"

type TestMethod = { brand: string; last4: string; outcome: "succeed" | "decline" | "authenticate"; decline_code?: string }

/** Stripe's test PaymentMethod ids and what confirming with them does. */
const TEST_METHODS: Record<string, TestMethod> = {
  pm_card_visa: { brand: "visa", last4: "4242", outcome: "succeed" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", outcome: "succeed" },
  pm_card_amex: { brand: "amex", last4: "8431", outcome: "succeed" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", outcome: "decline", decline_code: "generic_decline" },
  pm_card_visa_chargeDeclined: { brand: "visa", last4: "0002", outcome: "decline", decline_code: "generic_decline" },
  pm_card_chargeDeclinedInsufficientFunds: { brand: "visa", last4: "9995", outcome: "decline", decline_code: "insufficient_funds" },
  pm_card_threeDSecure2Required: { brand: "visa", last4: "3220", outcome: "authenticate" },
  pm_card_authenticationRequired: { brand: "visa", last4: "3184", outcome: "authenticate" },
}

/** Test card numbers, for `payment_method_data[card][number]`. */
const TEST_NUMBERS: Record<string, keyof typeof TEST_METHODS> = {
  "4242424242424242": "pm_card_visa",
  "5555555555554444": "pm_card_mastercard",
  "4000000000000002": "pm_card_chargeDeclined",
  "4000000000009995": "pm_card_chargeDeclinedInsufficientFunds",
  "4000000000003220": "pm_card_threeDSecure2Required",
  "4000002760003184": "pm_card_authenticationRequired",
}

const CARD_DATA = "pm_card_data_"

/** What confirming with a payment method does; callers pass an id `resolvePaymentMethod` accepted. */
export function testMethod(id: string): TestMethod {
  return TEST_METHODS[id.startsWith(CARD_DATA) ? TEST_NUMBERS[id.slice(CARD_DATA.length)] : id]
}

export function paymentMethod(id: string, created: number): Json | undefined {
  const base = id.startsWith(CARD_DATA) ? TEST_NUMBERS[id.slice(CARD_DATA.length)] : id
  const m = base && TEST_METHODS[base]
  if (!m) {
    return undefined
  }
  return {
    id,
    object: "payment_method",
    type: "card",
    card: { brand: m.brand, last4: m.last4, exp_month: 12, exp_year: 2034, country: "US", funding: "credit" },
    billing_details: { address: null, email: null, name: null, phone: null },
    created,
    customer: null,
    livemode: false,
    metadata: {},
  }
}

/** The payment method a request names, directly or as raw card data. */
export function resolvePaymentMethod(p: FormObject): string | undefined {
  const direct = str(p.payment_method)
  if (direct) {
    if (!paymentMethod(direct, 0)) {
      throw missing("PaymentMethod", direct, "payment_method")
    }
    return direct
  }
  const data = p.payment_method_data as FormObject | undefined
  const card = data && (data.card as FormObject | undefined)
  const number = card && str(card.number)
  if (number) {
    const clean = number.replace(/\s/g, "")
    if (!TEST_NUMBERS[clean]) {
      throw err(402, "card_error", "Your card number is incorrect.", { code: "incorrect_number", param: "number" })
    }
    return `${CARD_DATA}${clean}`
  }
  return undefined
}
