import {
  normalizeAccountRef,
  orderShortCode,
  parseTransAmount,
  SHORT_CODE_ALPHABET,
  SHORT_CODE_FIRST,
  type C2bAccountFormat,
} from "../c2b-account"

describe("orderShortCode", () => {
  it("is deterministic and six symbols of the unambiguous alphabet, starting with a letter", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `order_01J${i.toString(36).padStart(8, "0")}`)
    for (const id of ids) {
      const code = orderShortCode(id)
      expect(code).toBe(orderShortCode(id))
      expect(code).toHaveLength(6)
      expect(SHORT_CODE_FIRST).toContain(code[0])
      for (const ch of code) {
        expect(SHORT_CODE_ALPHABET).toContain(ch)
      }
      expect(code).not.toMatch(/[01IO]/)
    }
  })

  it("gives different orders different codes (no collision among 2,000)", () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => orderShortCode(`order_${i}`)))
    expect(codes.size).toBe(2000)
  })

  it("reads back through normalizeAccountRef, whatever the case and separators", () => {
    const code = orderShortCode("order_01JABC")
    const typed = `${code.slice(0, 3).toLowerCase()} - ${code.slice(3)}`
    expect(normalizeAccountRef(typed)).toEqual({ ok: true, kind: "short_code", value: code })
  })

  it("uses every symbol of the alphabet in every position after the first", () => {
    const seen = Array.from({ length: 6 }, () => new Set<string>())
    for (let i = 0; i < 3000; i++) {
      ;[...orderShortCode(`o${i}`)].forEach((ch, pos) => seen[pos].add(ch))
    }
    expect(seen[0].size).toBe(SHORT_CODE_FIRST.length)
    for (const pos of [1, 2, 3, 4, 5]) {
      expect(seen[pos].size).toBe(SHORT_CODE_ALPHABET.length)
    }
  })
})

describe("normalizeAccountRef", () => {
  it.each<[unknown, string, string]>([
    ["1042", "display_id", "1042"],
    [1042, "display_id", "1042"],
    ["#1042", "display_id", "1042"],
    [" 1042 ", "display_id", "1042"],
    ["001042", "display_id", "1042"],
    ["# 0001042", "display_id", "1042"],
    ["10 42", "display_id", "1042"],
    ["1,042", "display_id", "1042"],
    ["1-042", "display_id", "1042"],
    ["Order #1042", "display_id", "1042"],
    ["ORDER NO. 1042", "display_id", "1042"],
    ["order number 1042", "display_id", "1042"],
    ["ord-1042", "display_id", "1042"],
    ["1042.", "display_id", "1042"],
    ["7", "display_id", "7"],
    ["K7M2QX", "short_code", "K7M2QX"],
    ["k7m2qx", "short_code", "K7M2QX"],
    ["K7M-2QX", "short_code", "K7M2QX"],
    ["k7m 2qx", "short_code", "K7M2QX"],
    ["#K7M2QX", "short_code", "K7M2QX"],
    ["k7m_2qx", "short_code", "K7M2QX"],
    ["Order K7M2QX", "short_code", "K7M2QX"],
    ["ZZZZZZ", "short_code", "ZZZZZZ"],
  ])("reads %p as %s %s", (raw, kind, value) => {
    expect(normalizeAccountRef(raw)).toEqual({ ok: true, kind, value })
  })

  it.each<[unknown, RegExp]>([
    [undefined, /No account was entered/],
    [null, /No account was entered/],
    ["", /No account was entered/],
    ["   ", /No account was entered/],
    [{}, /No account was entered/],
    ["0", /"0" is not an order number/],
    ["0000", /is not an order number/],
    ["12345678901", /is not an order number/],
    ["#", /"#" is not an order reference/],
    ["ORDER", /is not an order reference/],
    ["K7M2Q", /is not an order reference/],
    ["K7M2QXX", /is not an order reference/],
    ["27M2QX", /is not an order reference/],
    ["K0M2QX", /is not an order reference/],
    ["KOM2QX", /is not an order reference/],
    ["K1M2QX", /is not an order reference/],
    ["KIM2QX", /is not an order reference/],
    ["1042A", /is not an order reference/],
    ["1042; DROP TABLE", /is not an order reference/],
    ["1042@shop", /is not an order reference/],
    ["x".repeat(41), /too long/],
    ["ÉCOLE1", /is not an order reference/],
  ])("refuses %p", (raw, reason) => {
    const result = normalizeAccountRef(raw)
    expect(result.ok).toBe(false)
    expect(result.ok ? "" : result.reason).toMatch(reason)
  })

  it.each<[string, C2bAccountFormat, boolean]>([
    ["1042", "display_id", true],
    ["1042", "short_code", false],
    ["1042", "both", true],
    ["K7M2QX", "display_id", false],
    ["K7M2QX", "short_code", true],
    ["K7M2QX", "both", true],
  ])("%p with account format %s: accepted %p", (raw, format, accepted) => {
    const result = normalizeAccountRef(raw, format)
    expect(result.ok).toBe(accepted)
    if (!result.ok) {
      expect(result.reason).toMatch(format === "display_id" ? /takes the order number/ : /takes the code on the order page/)
    }
  })
})

describe("parseTransAmount", () => {
  it.each<[unknown, number]>([
    ["150.00", 150],
    ["150", 150],
    ["150.0", 150],
    [" 150.00 ", 150],
    ["1,500.00", 1500],
    ["1,500", 1500],
    ["250,000.00", 250000],
    ["1.00", 1],
    [150, 150],
    [150.0, 150],
    ["0150.00", 150],
  ])("%p is KES %p", (raw, kes) => {
    expect(parseTransAmount(raw)).toEqual({ ok: true, kes })
  })

  it.each<[unknown, "unreadable" | "fractional" | "out_of_range"]>([
    ["150.50", "fractional"],
    ["150.01", "fractional"],
    [150.5, "fractional"],
    ["0.50", "fractional"],
    ["0.00", "out_of_range"],
    ["0", "out_of_range"],
    ["250,001.00", "out_of_range"],
    ["1000000", "out_of_range"],
    [1e21, "out_of_range"],
    ["", "unreadable"],
    [undefined, "unreadable"],
    [null, "unreadable"],
    [{ value: 150 }, "unreadable"],
    [Number.NaN, "unreadable"],
    [Number.POSITIVE_INFINITY, "unreadable"],
    ["-150.00", "unreadable"],
    ["+150", "unreadable"],
    ["1e3", "unreadable"],
    ["1,50", "unreadable"],
    ["15,00.00", "unreadable"],
    ["1 500", "unreadable"],
    ["KES 150", "unreadable"],
    ["150.", "unreadable"],
    [".50", "unreadable"],
    ["0x96", "unreadable"],
    ["9".repeat(30), "unreadable"],
  ])("refuses %p as %s", (raw, problem) => {
    const result = parseTransAmount(raw)
    expect(result).toMatchObject({ ok: false, problem })
  })

  it("says why a fractional amount is refused rather than rounded", () => {
    expect(parseTransAmount("150.50")).toMatchObject({ reason: expect.stringMatching(/whole shillings only/) })
  })
})
