import { AdminMpesaC2bPaymentsQuery } from "../validators"

describe("AdminMpesaC2bPaymentsQuery state", () => {
  it.each([
    ["no state: the route's default queue", {}, undefined],
    ["one state", { state: "unmatched" }, ["unmatched"]],
    ["a comma list", { state: "captured,partial,over" }, ["captured", "partial", "over"]],
    ["a comma list with spaces and an empty part", { state: " captured, ,review " }, ["captured", "review"]],
    ["repeated (the query parser's array)", { state: ["captured", "refunded"] }, ["captured", "refunded"]],
    ["repeated comma lists", { state: ["captured,partial", "review"] }, ["captured", "partial", "review"]],
  ])("%s", (_, query, expected) => {
    const parsed = AdminMpesaC2bPaymentsQuery.safeParse(query)
    expect(parsed.success).toBe(true)
    expect(parsed.success && parsed.data.state).toEqual(expected)
  })

  it.each([
    ["an unknown state", { state: "paid" }],
    ["one unknown state in a list", { state: "captured,paid" }],
    ["only commas", { state: "," }],
    ["an empty string", { state: "" }],
  ])("refuses %s, naming the states", (_, query) => {
    const parsed = AdminMpesaC2bPaymentsQuery.safeParse(query)
    expect(parsed.success).toBe(false)
    expect(parsed.success ? "" : parsed.error.issues.map((i) => i.message).join("; ")).toMatch(/state must/)
  })
})
