import { expectedMoney, matrixOutcomes, pathologyMatrix, PATHOLOGIES, type Pathology } from "../pathology-matrix"

const scripts = {
  "254708374149": { resultCode: 0, resultDesc: "The service request is processed successfully.", callback: true },
  "254700000001": { resultCode: 1032, resultDesc: "Request cancelled by user", callback: true },
  "254700000002": { resultCode: 1037, resultDesc: "DS timeout user cannot be reached", callback: false },
  "254700000009": { resultCode: "SFC_IC0003", resultDesc: "Operator does not exist", callback: true },
}

describe("matrixOutcomes", () => {
  it("turns the simulator's phone table into outcomes with the shopper's phone form", () => {
    expect(matrixOutcomes(scripts).map(({ phone, resultCode, callback, paid }) => ({ phone, resultCode, callback, paid }))).toEqual([
      { phone: "0708374149", resultCode: "0", callback: true, paid: true },
      { phone: "0700000001", resultCode: "1032", callback: true, paid: false },
      { phone: "0700000002", resultCode: "1037", callback: false, paid: false },
      { phone: "0700000009", resultCode: "SFC_IC0003", callback: true, paid: false },
    ])
    expect(matrixOutcomes(scripts)[2].name).toBe("1037 DS timeout user cannot be reached (no callback)")
  })
})

describe("pathologyMatrix", () => {
  const outcomes = matrixOutcomes(scripts)
  const { cases, excluded, size } = pathologyMatrix(outcomes)

  it("is every outcome × every pathology, each either played or excluded with a reason", () => {
    expect(size).toBe(outcomes.length * PATHOLOGIES.length)
    expect(cases.length + excluded.length).toBe(size)
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
    expect(excluded.every((e) => e.reason.length > 20)).toBe(true)
  })

  it.each([
    ["0708374149", "callback late", true],
    ["0708374149", "callback duplicated x10", true],
    ["0700000002", "callback lost", true],
    ["0700000002", "callback late", false],
    ["0700000002", "callback duplicated x10", false],
    ["0700000002", "refund double-click", true],
    ["0700000001", "after session deleted", true],
  ] as [string, Pathology, boolean][])("%s × %s is played: %s", (phone, pathology, played) => {
    expect(cases.some((c) => c.outcome.phone === phone && c.pathology === pathology)).toBe(played)
  })
})

describe("expectedMoney", () => {
  it.each([
    [true, "callback lost", { in: 500, out: 0, net: 500, inReview: 0, unconfirmedInReview: 0 }],
    [false, "callback lost", { in: 0, out: 0, net: 0, inReview: 0, unconfirmedInReview: 0 }],
    [true, "amount mismatch", { in: 500, out: 0, net: 0, inReview: 500, unconfirmedInReview: 0 }],
    [false, "amount mismatch", { in: 0, out: 0, net: 0, inReview: 0, unconfirmedInReview: 500 }],
    [true, "after cancel", { in: 500, out: 0, net: 0, inReview: 500, unconfirmedInReview: 0 }],
    [true, "after session deleted", { in: 500, out: 0, net: 0, inReview: 500, unconfirmedInReview: 0 }],
    [false, "after session deleted", { in: 0, out: 0, net: 0, inReview: 0, unconfirmedInReview: 0 }],
    [true, "second paid push", { in: 1000, out: 0, net: 500, inReview: 500, unconfirmedInReview: 0 }],
    [false, "second paid push", { in: 500, out: 0, net: 500, inReview: 0, unconfirmedInReview: 0 }],
    [true, "refund double-click", { in: 500, out: 500, net: 0, inReview: 0, unconfirmedInReview: 0 }],
    [false, "refund timeout", { in: 0, out: 0, net: 0, inReview: 0, unconfirmedInReview: 0 }],
  ] as [boolean, Pathology, object][])("paid %s × %s", (paid, pathology, expected) => {
    expect(expectedMoney({ paid }, pathology, 500)).toEqual(expected)
  })

  it("always balances: in − out = net + money in review", () => {
    for (const paid of [true, false]) {
      for (const pathology of PATHOLOGIES) {
        const m = expectedMoney({ paid }, pathology, 730)
        expect(m.in - m.out).toBe(m.net + m.inReview)
      }
    }
  })
})
