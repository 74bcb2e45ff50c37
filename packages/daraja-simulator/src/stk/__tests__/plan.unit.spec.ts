import { outcome } from "../../outcomes"
import type { Override } from "../../state/overrides"
import { planStk, PlanInput } from "../plan"

const tills = new Map([["174380", "174379"]])
const base: PlanInput = {
  transactionType: "CustomerPayBillOnline",
  businessShortCode: "174379",
  partyB: "174379",
  phoneNumber: "254708374149",
  tills,
  script: outcome(0),
  ruleLimited: false,
}
const override = (o: Partial<Override>): Override => ({ id: "o", endpoint: "stkpush", times: 1, used: 0, ...o })

describe("planStk", () => {
  it.each([
    ["the phone script", {}, 0],
    ["interactive without a script", { script: undefined }, "interactive"],
    ["17 when rule limited", { ruleLimited: true }, 17],
    ["2028 for a paybill paid to another PartyB", { partyB: "600000" }, 2028],
    ["SFC_IC0003 for an unknown till", { transactionType: "CustomerBuyGoodsOnline", partyB: "999999" }, "SFC_IC0003"],
    ["2028 for a till of another store", { transactionType: "CustomerBuyGoodsOnline", partyB: "174380", businessShortCode: "600100" }, 2028],
    ["the script for a till under its store", { transactionType: "CustomerBuyGoodsOnline", partyB: "174380" }, 0],
    ["config errors before rule 17", { partyB: "600000", ruleLimited: true }, 2028],
    ["an override before everything", { partyB: "600000", override: override({ resultCode: 1 }) }, 1],
    ["the script when the override only shapes the callback", { override: override({ callback: { copies: 2 } }) }, 0],
  ] as Array<[string, Partial<PlanInput>, unknown]>)("%s", (_name, patch, expected) => {
    const plan = planStk({ ...base, ...patch })
    expect(plan === "interactive" ? plan : plan.resultCode).toBe(expected)
  })
})
