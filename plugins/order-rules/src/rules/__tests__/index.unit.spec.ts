import * as rules from ".."

describe("public API", () => {
  it.each([
    "DEFAULT_RULE_SET",
    "GUARDS",
    "validateRuleSet",
    "mergeRuleSets",
    "evaluateTransition",
    "allowedNextStates",
    "statusForEvent",
    "planEventTransition",
    "contradictsMedusa",
    "ORDER_STATUS_EVENTS",
  ])("exports %s", (name) => {
    expect(rules).toHaveProperty(name)
  })
})
