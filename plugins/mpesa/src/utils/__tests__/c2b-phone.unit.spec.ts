import { maskedPhone, sameVisiblePhone, visiblePhoneDigits } from "../c2b-phone"

describe("visiblePhoneDigits", () => {
  it.each<[unknown, string | null]>([
    ["2547 ***** 126", "2547***126"],
    ["2547*****126", "2547***126"],
    ["2547 XXXXX 126", "2547***126"],
    ["254 7** *** 126", null],
    ["254712***126", "2547***126"],
    ["2547 ***** 0126", "2547***126"],
    // The old sandbox sends the whole number: only what a masked one shows is kept.
    ["254708374149", "2547***149"],
    [254708374149, "2547***149"],
    ["+254708374149", "2547***149"],
    ["2547 0837 4149", "2547***149"],
    // A hash shows no digits.
    ["bca9fba2c2a6c2b5e0d2f3e8c1d5a4b3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7", null],
    ["", null],
    ["*****", null],
    ["2547 *****", null],
    [null, null],
    [undefined, null],
    [{}, null],
    ["2547 ***** 126; DROP", null],
  ])("%p shows %p", (field, masked) => {
    expect(maskedPhone(visiblePhoneDigits(field))).toBe(masked)
  })

  it("never keeps more than seven digits of a number", () => {
    const digits = visiblePhoneDigits("254712345678")
    expect(`${digits?.prefix}${digits?.suffix}`).toHaveLength(7)
  })
})

describe("sameVisiblePhone", () => {
  const a = { prefix: "2547", suffix: "126" }
  it.each<[Parameters<typeof sameVisiblePhone>[0], Parameters<typeof sameVisiblePhone>[1], boolean]>([
    [a, { prefix: "2547", suffix: "126" }, true],
    [a, { prefix: "2541", suffix: "126" }, false],
    [a, { prefix: "2547", suffix: "127" }, false],
    [a, null, false],
    [null, a, false],
    [null, null, false],
  ])("%p vs %p → %p", (x, y, same) => {
    expect(sameVisiblePhone(x, y)).toBe(same)
  })
})
