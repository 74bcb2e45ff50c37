import { signOrderToken, verifyOrderToken } from "../order-token"

describe("order-link tokens", () => {
  const token = signOrderToken("cookie-secret", "order_01ABC")

  it("are URL-safe and stable for one secret and order", () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(signOrderToken("cookie-secret", "order_01ABC")).toBe(token)
  })

  it.each<[string, string, string, unknown, boolean]>([
    ["the right token", "cookie-secret", "order_01ABC", token, true],
    ["another order's token", "cookie-secret", "order_01XYZ", token, false],
    ["another secret", "other-secret", "order_01ABC", token, false],
    ["one character changed", "cookie-secret", "order_01ABC", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, false],
    ["a prefix of it", "cookie-secret", "order_01ABC", token.slice(0, 20), false],
    ["empty", "cookie-secret", "order_01ABC", "", false],
    ["missing", "cookie-secret", "order_01ABC", undefined, false],
    ["not a string", "cookie-secret", "order_01ABC", 12345, false],
    ["far too long", "cookie-secret", "order_01ABC", "a".repeat(5000), false],
  ])("%s → %p", (_name, secret, orderId, given, valid) => {
    expect(verifyOrderToken(secret, orderId, given)).toBe(valid)
  })
})
