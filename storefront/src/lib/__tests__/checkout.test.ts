import type { HttpTypes } from "@medusajs/types"
import { describe, expect, it } from "vitest"
import { type AddressInput, currentStep, decodePaymentChoice, encodePaymentChoice, isStepDone, toStoreAddress, validateAddress } from "../checkout"

type Cart = Parameters<typeof currentStep>[0]

const address = { address_1: "Waiyaki Way", country_code: "ke" } as HttpTypes.StoreCartAddress
const withAddress: Cart = { email: "a@b.co", shipping_address: address }
const withDelivery: Cart = { ...withAddress, shipping_methods: [{ id: "sm" } as HttpTypes.StoreCartShippingMethod] }
const withMpesa: Cart = { ...withDelivery, payment: { providerId: "pp_mpesa_mpesa", phone: "254708374149" } }

describe("checkout steps", () => {
  it("opens the first step that still needs doing", () => {
    expect(currentStep({})).toBe("address")
    expect(currentStep(withAddress)).toBe("delivery")
    expect(currentStep(withDelivery)).toBe("payment")
    expect(currentStep(withMpesa)).toBe("review")
  })

  it("lets the shopper go back to a done step, never skip ahead", () => {
    expect(currentStep(withMpesa, "address")).toBe("address")
    expect(currentStep(withAddress, "review")).toBe("delivery")
    expect(currentStep(withAddress, "nonsense")).toBe("delivery")
  })

  it("needs a usable M-Pesa number for an M-Pesa payment", () => {
    expect(isStepDone({ ...withDelivery, payment: { providerId: "pp_mpesa_mpesa", phone: "12" } }, "payment")).toBe(false)
    expect(isStepDone({ ...withDelivery, payment: { providerId: "pp_system_default" } }, "payment")).toBe(true)
  })

  it("needs a Stripe session for a card payment", () => {
    const card = { ...withDelivery, payment: { providerId: "pp_stripe_stripe" } }
    expect(isStepDone(card, "payment")).toBe(false)
    expect(
      isStepDone(
        { ...card, payment_collection: { payment_sessions: [{ provider_id: "pp_stripe_stripe" }] } as unknown as HttpTypes.StorePaymentCollection },
        "payment"
      )
    ).toBe(true)
  })
})

describe("the payment choice's cookie value", () => {
  const mpesa = encodePaymentChoice("cart_1", { providerId: "pp_mpesa_mpesa", phone: "254708374149" })
  it.each([
    ["its own cart's M-Pesa choice", mpesa, "cart_1", { providerId: "pp_mpesa_mpesa", phone: "254708374149" }],
    ["cash on delivery, no phone", encodePaymentChoice("cart_1", { providerId: "pp_system_default" }), "cart_1", { providerId: "pp_system_default" }],
    ["another cart's choice", mpesa, "cart_2", undefined],
    ["no cookie", undefined, "cart_1", undefined],
    ["not base64 JSON", "%%%", "cart_1", undefined],
    ["JSON without a provider", Buffer.from(JSON.stringify({ cart: "cart_1" })).toString("base64url"), "cart_1", undefined],
  ])("%s", (_name, value, cartId, expected) => {
    expect(decodePaymentChoice(value, cartId)).toEqual(expected)
  })

  it("is safe in a cookie as it is (no characters to escape)", () => {
    expect(mpesa).toMatch(/^[A-Za-z0-9_-]+$/)
  })
})

const kenyan: AddressInput = {
  email: "akinyi@example.com",
  first_name: "Akinyi",
  last_name: "Otieno",
  phone: "0712 345 678",
  country_code: "ke",
  province: "Nairobi",
  city: "Westlands",
  address_1: "Waiyaki Way",
  address_2: "",
  postal_code: "",
}

describe("validateAddress", () => {
  const options = { requireEmail: true, countries: ["ke"] }

  it("accepts a complete Kenyan address", () => {
    expect(validateAddress(kenyan, options)).toEqual({})
  })

  it("names every missing or wrong field in words a shopper understands", () => {
    const errors = validateAddress({ ...kenyan, email: "akinyi", phone: "12345", province: "", city: "", address_1: "", first_name: "" }, options)
    expect(Object.keys(errors).sort()).toEqual(["address_1", "city", "email", "first_name", "phone", "province"])
    expect(errors.phone).toMatch(/0712 345 678/)
    expect(errors.province).toMatch(/county/)
  })

  it("refuses countries the region doesn't serve", () => {
    expect(validateAddress({ ...kenyan, country_code: "us" }, options).country_code).toBeTruthy()
  })

  it("asks no email from a signed-in shopper, and no county abroad", () => {
    expect(validateAddress({ ...kenyan, email: "" }, { ...options, requireEmail: false })).toEqual({})
    const abroad = { ...kenyan, country_code: "gb", province: "", phone: "+44 20 7946 0000" }
    expect(validateAddress(abroad, { requireEmail: true, countries: ["gb"] })).toEqual({})
  })

  it("stores Kenyan phones in international form", () => {
    expect(toStoreAddress(kenyan)).toMatchObject({ phone: "+254712345678", province: "Nairobi", address_2: undefined })
  })
})
