import { type Holder, type HolderInput, holderOf, mayChangePhone, phoneChangeRefusal, type PhoneChangeInput } from "../holder"

describe("holderOf", () => {
  it.each<[string, HolderInput, ReturnType<typeof holderOf>]>([
    ["by cart id, guest", { byCart: true, tokenValid: false }, "cart"],
    ["by cart id, signed in as its customer", { byCart: true, ownerCustomerId: "cus_1", actorId: "cus_1", tokenValid: false }, "customer"],
    ["by cart id, signed in as someone else", { byCart: true, ownerCustomerId: "cus_1", actorId: "cus_2", tokenValid: false }, "cart"],
    ["by order id, nothing else", { byCart: false, ownerCustomerId: "cus_1", tokenValid: false }, undefined],
    ["by order id, the order's customer", { byCart: false, ownerCustomerId: "cus_1", actorId: "cus_1", tokenValid: false }, "customer"],
    ["by order id, another customer", { byCart: false, ownerCustomerId: "cus_1", actorId: "cus_2", tokenValid: false }, undefined],
    ["by order id, signed in, order has no customer", { byCart: false, ownerCustomerId: null, actorId: "cus_2", tokenValid: false }, undefined],
    ["by order id with a valid token", { byCart: false, ownerCustomerId: "cus_1", tokenValid: true }, "token"],
    ["by order id, another customer with a valid token", { byCart: false, ownerCustomerId: "cus_1", actorId: "cus_2", tokenValid: true }, "token"],
  ])("%s → %p", (_name, input, expected) => {
    expect(holderOf(input)).toBe(expected)
  })
})

describe("phoneChangeRefusal", () => {
  const same = { current: "254708374149", requested: "254708374149" }
  const other = { current: "254708374149", requested: "254711111111" }
  it.each<[string, PhoneChangeInput, boolean]>([
    ["same phone, token", { holder: "token", orderExists: true, ...same }, false],
    ["same phone, cart after the order", { holder: "cart", orderExists: true, ...same }, false],
    ["no phone on the session yet", { holder: "token", orderExists: true, requested: "254711111111" }, false],
    ["other phone, cart before the order", { holder: "cart", orderExists: false, ...other }, false],
    ["other phone, signed-in customer", { holder: "customer", orderExists: true, ...other }, false],
    ["other phone, cart after the order", { holder: "cart", orderExists: true, ...other }, true],
    ["other phone, token", { holder: "token", orderExists: true, ...other }, true],
  ])("%s → refused %p", (_name, input, refused) => {
    const refusal = phoneChangeRefusal(input)
    expect(!!refusal).toBe(refused)
    if (refusal) {
      expect(refusal).toMatch(/same phone|Sign in/i)
    }
  })
})

describe("mayChangePhone", () => {
  it.each<[Holder, boolean, boolean]>([
    ["customer", false, true],
    ["customer", true, true],
    ["cart", false, true],
    ["cart", true, false],
    ["token", false, false],
    ["token", true, false],
  ])("%s, order exists %s → %s", (holder, orderExists, expected) => {
    expect(mayChangePhone(holder, orderExists)).toBe(expected)
  })
})
