import { describe, expect, it } from "vitest"
import { shopperMessage } from "../errors"

class FetchError extends Error {
  constructor(
    message: string,
    public status: number
  ) {
    super(message)
  }
}

describe("shopperMessage", () => {
  it.each([
    [new TypeError("fetch failed"), /can't reach the shop/],
    [Object.assign(new Error("x"), { cause: { code: "ECONNREFUSED" } }), /can't reach the shop/],
    [new FetchError("Bad Gateway", 502), /can't reach the shop/],
    [new FetchError("Variant variant_01 does not have the required inventory", 400), /don't have enough of that in stock/],
    [new FetchError("The promotion code KARIBU is invalid", 400), /promo code isn't valid/],
    [new FetchError("Invalid email or password", 401), /don't match an account/],
    [new FetchError("Identity with email already exists", 400), /already exists/],
    [new FetchError("Cart is already being completed by another request", 409), /already being placed/],
    [new FetchError("Unauthorized", 401), /don't match an account/],
    [new FetchError("Something internal: column x does not exist", 500), /went wrong on our side/],
    [new FetchError("Order with id order_1 was not found", 404), /couldn't find/],
  ])("%s", (error, expected) => {
    expect(shopperMessage(error)).toMatch(expected)
  })

  it("passes through the M-Pesa plugin's messages for shoppers", () => {
    expect(shopperMessage(new FetchError("Enter a Safaricom number like 0712 345 678 for M-Pesa.", 400))).toBe(
      "Enter a Safaricom number like 0712 345 678 for M-Pesa."
    )
    expect(shopperMessage(new FetchError("Too many M-Pesa prompts. Try again in 2 minutes.", 429))).toBe(
      "Too many M-Pesa prompts. Try again in 2 minutes."
    )
    expect(shopperMessage(new FetchError("rate limited", 429))).toMatch(/Too many attempts/)
  })

  it("never shows internal 400s", () => {
    expect(shopperMessage(new FetchError("Invalid request: Expected type: 'string' for field 'x'", 400), "Fallback.")).toBe("Fallback.")
  })
})

describe("the backend's request limits reach the shopper as written", () => {
  it.each([
    "Too many sign-in attempts. Try again in 15 minutes.",
    "Too many failed sign-ins for this account. Try again in 15 minutes.",
    "Too many new accounts. Try again in 1 hour.",
    "Too many password reset requests for this account. Try again in 1 hour.",
    "Too many new carts. Try again in 1 hour.",
    "Too many requests. Try again in 40 seconds.",
  ])("%s", (message) => {
    expect(shopperMessage({ status: 429, message }, "fallback")).toBe(message)
  })
})
