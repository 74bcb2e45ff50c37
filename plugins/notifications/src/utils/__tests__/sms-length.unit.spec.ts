import { smsLength } from "../sms-length"

describe("smsLength", () => {
  it.each([
    ["", "GSM-7", 0, 1],
    ["Asante! Order #1001 imepokelewa.", "GSM-7", 32, 1],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    ["Price: 100€", "GSM-7", 12, 1],
    ["{x}", "GSM-7", 5, 1],
    ["Karibu 😀", "UCS-2", 9, 1],
    ["ü".repeat(70) + "ł", "UCS-2", 71, 2],
  ] as const)("%p is %s, %i units, %i part(s)", (text, encoding, units, parts) => {
    expect(smsLength(text)).toEqual({ encoding, units, parts })
  })
})
