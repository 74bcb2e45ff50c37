import { checksFor, identifierOf, parseLimit, retryAfterSeconds, tooManyMessage } from "../rules"

describe("parseLimit", () => {
  it.each([
    ["30/15m", { points: 30, windowSeconds: 900 }],
    ["10 / 1h", { points: 10, windowSeconds: 3600 }],
    ["600/10m", { points: 600, windowSeconds: 600 }],
    ["5/30s", { points: 5, windowSeconds: 30 }],
    ["1/1d", { points: 1, windowSeconds: 86_400 }],
  ])("%s → %j", (raw, expected) => {
    expect(parseLimit(raw)).toEqual(expected)
  })

  it.each([
    ["30", /must look like 30\/15m/],
    ["30 per 15m", /must look like/],
    ["30/15", /must look like/],
    ["-1/1m", /must look like/],
    ["0/1m", /count must be from 1/],
    ["5/0s", /window must be from 1s to 1d/],
    ["5/2d", /window must be from 1s to 1d/],
    ["2000000/1h", /count must be from 1 to 1000000/],
  ])("%s is refused with a message", (raw, message) => {
    expect(parseLimit(raw)).toMatch(message)
  })
})

describe("checksFor", () => {
  const names = (method: string, path: string) => checksFor(method, path).map((c) => `${c.limit}:${c.by}:${c.counts}`)

  it.each([
    ["POST", "/auth/customer/emailpass", ["login_address:address:every", "login_identifier:identifier:failure"]],
    ["POST", "/auth/user/emailpass", ["login_address:address:every", "login_identifier:identifier:failure"]],
    ["POST", "/auth/customer/emailpass/register", ["signup_address:address:every", "signup_identifier:identifier:every"]],
    ["POST", "/auth/customer/emailpass/reset-password", ["reset_address:address:every", "reset_identifier:identifier:every"]],
    ["POST", "/auth/token/refresh", []],
    ["POST", "/auth/session", []],
    ["GET", "/auth/customer/google", []],
    ["POST", "/store/customers", ["signup_address:address:every", "store_write_address:address:every"]],
    ["POST", "/store/carts", ["cart_address:address:every", "store_write_address:address:every"]],
    ["POST", "/store/carts/cart_1/line-items", ["store_write_address:address:every"]],
    ["DELETE", "/store/carts/cart_1/line-items/li_1", ["store_write_address:address:every"]],
    ["POST", "/store/customers/me/addresses", ["store_write_address:address:every"]],
    ["GET", "/store/products", []],
    ["POST", "/store/search", []],
    ["POST", "/store/searches", ["store_write_address:address:every"]],
    ["GET", "/store/carts/cart_1", []],
    ["POST", "/admin/products", []],
    ["POST", "/hooks/payment/stripe_stripe", []],
  ])("%s %s", (method, path, expected) => {
    expect(names(method, path)).toEqual(expected)
  })
})

describe("identifierOf", () => {
  it.each([
    [{ email: " Jane@Example.com ", password: "x" }, "jane@example.com"],
    [{ identifier: "jane@example.com" }, "jane@example.com"],
    [{ username: "Admin" }, "admin"],
    [{ email: "", identifier: "b@example.com" }, "b@example.com"],
    [{ email: 42 }, undefined],
    [{}, undefined],
    [null, undefined],
    ["email=a", undefined],
  ])("%j → %s", (body, expected) => {
    expect(identifierOf(body)).toBe(expected)
  })
})

describe("what the shopper is told", () => {
  it.each([
    [0, 1],
    [1, 1],
    [1001, 2],
    [899_500, 900],
  ])("%i ms before the next try → Retry-After %i", (ms, seconds) => {
    expect(retryAfterSeconds(ms)).toBe(seconds)
  })

  it.each([
    ["login_address", 900, "Too many sign-in attempts. Try again in 15 minutes."],
    ["login_identifier", 61, "Too many failed sign-ins for this account. Try again in 2 minutes."],
    ["cart_address", 3600, "Too many new carts. Try again in 1 hour."],
    ["cart_address", 3599, "Too many new carts. Try again in 1 hour."],
    ["cart_address", 3540, "Too many new carts. Try again in 59 minutes."],
    ["signup_address", 3601, "Too many new accounts. Try again in 2 hours."],
    ["store_write_address", 1, "Too many requests. Try again in 1 second."],
  ] as const)("%s after %i s", (limit, seconds, message) => {
    expect(tooManyMessage(limit, seconds)).toBe(message)
  })
})
