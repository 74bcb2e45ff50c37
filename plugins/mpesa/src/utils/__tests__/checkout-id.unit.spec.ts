import { redactCheckoutId } from "../checkout-id"

describe("redactCheckoutId", () => {
  it.each<[string, string | undefined | null, string]>([
    ["drops the phone's last nine digits", "ws_CO_04072024151523730708374149", "ws_CO_04072024151523730…"],
    ["an older id shape the same way", "ws_CO_DMZ_123212312_2342347678234", "ws_CO_DMZ_123212312_2342…"],
    ["a short id entirely", "ws_CO_1", "…"],
    ["no id", undefined, "(no CheckoutRequestID)"],
    ["null", null, "(no CheckoutRequestID)"],
  ])("%s", (_name, id, expected) => {
    expect(redactCheckoutId(id)).toBe(expected)
  })
})
