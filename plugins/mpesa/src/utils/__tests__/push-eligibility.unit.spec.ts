import { pushRefusal, type PushTarget } from "../push-eligibility"

describe("pushRefusal", () => {
  it.each<[string, PushTarget, number | undefined, RegExp | undefined]>([
    ["an open KES cart", { found: true, completed: false, hasOrder: false, currency_code: "kes" }, undefined, undefined],
    ["upper-case currency", { found: true, completed: false, hasOrder: false, currency_code: "KES" }, undefined, undefined],
    ["no such collection / no cart", { found: false }, 404, /No open cart/],
    ["a completed cart", { found: true, completed: true, hasOrder: false, currency_code: "kes" }, 400, /already an order.*order page/],
    ["a cart with an order", { found: true, completed: false, hasOrder: true, currency_code: "kes" }, 400, /already an order/],
    ["a USD cart", { found: true, completed: false, hasOrder: false, currency_code: "usd" }, 400, /Kenyan shillings \(KES\) only/],
    ["no currency", { found: true, completed: false, hasOrder: false, currency_code: null }, 400, /Kenyan shillings \(KES\) only/],
  ])("%s", (_name, target, status, message) => {
    const refusal = pushRefusal(target)
    expect(refusal?.status).toBe(status)
    if (message) {
      expect(refusal?.message).toMatch(message)
    }
  })
})
