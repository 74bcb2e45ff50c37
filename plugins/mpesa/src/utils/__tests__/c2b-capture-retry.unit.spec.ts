import { c2bCapturedBy, decideC2bCaptureRetry, type C2bCaptureRetryFacts } from "../c2b-capture-retry"

const base: C2bCaptureRetryFacts = { state: "captured", captured_at: null, captured_in_medusa: false, planned_amount: 1500, remaining_amount: 1500 }

describe("decideC2bCaptureRetry", () => {
  it.each<[string, Partial<C2bCaptureRetryFacts>, string]>([
    ["crash before Medusa's capture: capture it", {}, "resume:capture"],
    ["crash after Medusa's capture, before the ledger noted it: only note it", { captured_in_medusa: true }, "resume:noted"],
    ["captured in Medusa even though the order now owes nothing (it was this capture)", { captured_in_medusa: true, remaining_amount: 0 }, "resume:noted"],
    ["already noted by the ledger", { captured_at: new Date() }, "none"],
    ["noted, as a string from SQL", { captured_at: "2026-12-06T08:00:00Z" }, "none"],
    ["partial payment, order still owes more than it pays", { state: "partial", planned_amount: 500, remaining_amount: 1500 }, "resume:capture"],
    ["over payment: capture the balance it was planned for", { state: "over", planned_amount: 1499.5, remaining_amount: "1499.5" }, "resume:capture"],
    ["something else paid part of the order meanwhile", { remaining_amount: 1000 }, "review"],
    ["something else paid all of it meanwhile", { remaining_amount: 0 }, "review"],
    ["order cancelled or its M-Pesa session gone", { remaining_amount: null }, "review"],
    ["amount it was to capture not recorded", { planned_amount: null }, "review"],
    ["planned amount zero", { planned_amount: 0 }, "review"],
    ["confirmed, not yet matched: the settle workflow's, not the retry's", { state: "confirmed" }, "none"],
    ["in review", { state: "review" }, "none"],
    ["unmatched", { state: "unmatched" }, "none"],
    ["refunded", { state: "refunded" }, "none"],
  ])("%s", (_, patch, expected) => {
    const decided = decideC2bCaptureRetry({ ...base, ...patch })
    const label = decided.action === "resume" ? `resume:${decided.captured_in_medusa ? "noted" : "capture"}` : decided.action
    expect(label).toBe(expected)
    if (decided.action === "review") {
      expect(decided.reason).toMatch(/\w/)
    }
  })

  it("tags each capture with the TransID", () => {
    expect(c2bCapturedBy("TSTC2B0001")).toBe("mpesa-c2b:TSTC2B0001")
  })
})
