import { shorten, toGsm7 } from "../gsm"
import { smsLength } from "../sms-length"

describe("toGsm7", () => {
  it.each([
    ["plain GSM text is unchanged", "Asante! KES 1,450 @ Nairobi", "Asante! KES 1,450 @ Nairobi"],
    ["curly quotes", "\u201cHi\u201d it\u2019s", '"Hi" it\'s'],
    ["dashes and ellipsis", "a \u2013 b \u2014 c\u2026", "a - b - c..."],
    ["accents GSM-7 has stay", "é è ü Ñ à", "é è ü Ñ à"],
    ["accents GSM-7 lacks are dropped", "Zoë Ana\u00efs José", "Zoe Anais José"],
    ["letters without decomposition", "Łucja Đorđe", "Lucja Dorde"],
    ["non-breaking and zero-width spaces", "a\u00a0b\u200bc", "a bc"],
    ["emoji are kept (UCS-2)", "Karibu 😀", "Karibu 😀"],
    ["non-Latin scripts are kept", "Асанте", "Асанте"],
  ])("%s", (_label, input, expected) => {
    expect(toGsm7(input)).toBe(expected)
  })

  it("turns a would-be UCS-2 message into a one-part GSM-7 message", () => {
    const text = "Asante Zoë! Order \u201c1042\u201d confirmed \u2013 KES 3,350. ".repeat(2)
    expect(smsLength(text).encoding).toBe("UCS-2")
    expect(smsLength(toGsm7(text))).toEqual(expect.objectContaining({ encoding: "GSM-7", parts: 1 }))
  })
})

describe("shorten", () => {
  it.each([
    ["Wanjiku", 10, "Wanjiku"],
    ["Wanjiku Kamau", 10, "Wanjiku..."],
    ["Nyambura Wairimu", 12, "Nyambura..."],
    ["abc", 1, "a..."],
    ["😀😀😀😀😀😀", 5, "😀😀..."],
  ])("shorten(%p, %i) = %p", (value, max, expected) => {
    expect(shorten(value, max)).toBe(expected)
  })
})
