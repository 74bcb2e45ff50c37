import { openPhone, phoneSealKey, sealPhone } from "../phone-seal"

const key = phoneSealKey({ consumerSecret: "secret-a" })
const other = phoneSealKey({ consumerSecret: "secret-b" })

describe("phone seal", () => {
  it("opens what it sealed, and the sealed text shows nothing of the number", () => {
    const sealed = sealPhone("254708374149", key)
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
    expect(sealed).not.toContain("708374149")
    expect(openPhone(sealed, key)).toBe("254708374149")
    expect(sealPhone("254708374149", key)).not.toBe(sealed)
  })

  it.each<[string, () => unknown]>([
    ["another key", () => sealPhone("254708374149", other)],
    ["a flipped byte", () => {
      const s = sealPhone("254708374149", key)
      return s.slice(0, -2) + (s.endsWith("A") ? "B" : "A") + s.slice(-1)
    }],
    ["not sealed at all", () => "254708374149"],
    ["another version", () => "v2.abc"],
    ["garbage", () => "v1.!!!"],
    ["a number", () => 254708374149],
    ["nothing", () => undefined],
  ])("refuses %s", (_name, make) => {
    expect(openPhone(make(), key)).toBeUndefined()
  })
})
