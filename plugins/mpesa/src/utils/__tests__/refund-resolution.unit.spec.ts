import { resolveRefusal, type RefundToResolve, type ResolveRequest } from "../refund-resolution"

const unanswered: RefundToResolve = { status: "unknown", receipt_number: "UAA1BB2CC3" }

describe("resolveRefusal", () => {
  it.each<[string, RefundToResolve, ResolveRequest, boolean, number | undefined]>([
    ["an unanswered refund, by receipt", unanswered, { receipt: "UZZ9YY8XX7" }, false, undefined],
    ["an unanswered refund, found nothing", unanswered, { found_nothing: true }, false, undefined],
    ["a request that crashed before Daraja answered", { ...unanswered, status: "requested" }, { found_nothing: true }, false, undefined],
    ["a refund Daraja accepted", { ...unanswered, status: "pending", daraja_id: "AG_1" }, { found_nothing: true }, false, 409],
    ["an unknown refund that has an id (a result came)", { ...unanswered, daraja_id: "AG_1" }, { receipt: "UZZ9YY8XX7" }, false, 409],
    ["a settled refund", { ...unanswered, status: "reversed" }, { receipt: "UZZ9YY8XX7" }, false, 409],
    ["a failed refund", { ...unanswered, status: "failed" }, { found_nothing: true }, false, 409],
    ["the payment's own receipt", unanswered, { receipt: "UAA1BB2CC3" }, false, 400],
    ["another refund's receipt", unanswered, { receipt: "UZZ9YY8XX7" }, true, 409],
    ["found nothing ignores receipt ownership", unanswered, { found_nothing: true }, true, undefined],
  ])("%s", (_name, refund, request, taken, status) => {
    const refusal = resolveRefusal(refund, request, taken)
    expect(refusal?.status).toBe(status)
    if (refusal) {
      expect(refusal.message.length).toBeGreaterThan(20)
    }
  })
})
