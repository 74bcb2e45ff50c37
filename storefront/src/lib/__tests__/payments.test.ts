import { describe, expect, it } from "vitest"
import { availablePaymentMethods, isManual, isMpesa, isStripe, paymentKind } from "../payments"

describe("availablePaymentMethods", () => {
  it("offers M-Pesa first, then cash, for Kenya", () => {
    expect(availablePaymentMethods(["pp_system_default", "pp_mpesa_mpesa"], {}).map((m) => m.kind)).toEqual(["mpesa", "manual"])
  })

  it("offers cards only when Stripe is in the region AND the storefront has a key", () => {
    const providers = ["pp_system_default", "pp_stripe_stripe"]
    expect(availablePaymentMethods(providers, {}).map((m) => m.kind)).toEqual(["manual"])
    expect(availablePaymentMethods(providers, { stripeKey: "pk_test_1" }).map((m) => m.kind)).toEqual(["card", "manual"])
    expect(availablePaymentMethods(["pp_system_default"], { stripeKey: "pk_test_1" }).map((m) => m.kind)).toEqual(["manual"])
  })

  it("ignores Stripe's other method providers and unknown ones", () => {
    expect(availablePaymentMethods(["pp_stripe-ideal_stripe", "pp_paypal_paypal"], { stripeKey: "pk" })).toEqual([])
  })

  it("classifies provider ids", () => {
    expect(paymentKind("pp_mpesa_mpesa")).toBe("mpesa")
    expect(paymentKind("pp_stripe_stripe")).toBe("card")
    expect(paymentKind("pp_system_default")).toBe("manual")
    expect(paymentKind("pp_other")).toBeNull()
    expect([isMpesa(undefined), isStripe(null), isManual("")]).toEqual([false, false, false])
  })
})
