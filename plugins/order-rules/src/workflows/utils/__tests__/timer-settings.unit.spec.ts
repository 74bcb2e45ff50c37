import { parseOrderRulesOptions } from "../../../modules/order-rules/options"
import { timerSettings } from "../timer-settings"

const options = parseOrderRulesOptions({})

describe("timerSettings", () => {
  it("cancels unpaid orders after the configured minutes, leaving captured payments alone", () => {
    const settings = timerSettings("cancel-unpaid", options, { now: "2026-01-01T12:00:00Z" })
    expect(settings).toEqual(
      expect.objectContaining({
        now: "2026-01-01T12:00:00.000Z",
        after_ms: 60 * 60 * 1000,
        from_states: ["awaiting_payment", "payment_failed"],
        to: "cancelled",
        reason: "Not paid within 60 minutes of being placed",
      })
    )
    expect(settings.skip_payment_statuses).toEqual(expect.arrayContaining(["captured", "refunded"]))
    expect(settings.skip_payment_statuses).not.toContain("authorized")
  })

  it("keeps authorized payments when asked", () => {
    expect(timerSettings("cancel-unpaid", options, { keep_authorized: true }).skip_payment_statuses).toContain("authorized")
  })

  it("completes delivered orders after the configured days", () => {
    expect(timerSettings("complete-delivered", options, { after_days: 3, now: new Date("2026-01-01T00:00:00Z") })).toEqual(
      expect.objectContaining({ after_ms: 3 * 24 * 3600 * 1000, from_states: ["delivered"], to: "completed" })
    )
  })
})
