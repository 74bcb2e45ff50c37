import { sanitizeCallbackBody, STORED_BODY_LIMITS } from "../sanitize-body"

const deep = (n: number): unknown => (n === 0 ? "x" : { a: deep(n - 1) })

describe("sanitizeCallbackBody", () => {
  it.each<[string, unknown, unknown]>([
    ["nothing", undefined, null],
    ["null", null, null],
    ["NUL and other controls removed, newline kept", { d: "a\u0000b\u0007c\nd" }, { d: "abc\nd" }],
    ["NUL in a key", { "k\u0000": 1 }, { k: 1 }],
    ["__proto__ keys dropped", JSON.parse('{"__proto__": {"x": 1}, "y": 2}'), { y: 2 }],
    ["a string body is wrapped", "hello\u0000", { value: "hello" }],
    ["an array body is wrapped", [1, "a"], { value: [1, "a"] }],
    ["non-finite numbers become null", { n: Number.POSITIVE_INFINITY }, { n: null }],
  ])("%s", (_name, input, expected) => {
    expect(sanitizeCallbackBody(input)).toEqual(expected)
  })

  it("caps depth with a marker", () => {
    expect(JSON.stringify(sanitizeCallbackBody(deep(20)))).toContain("[too deep]")
  })

  it("keeps a long body as a truncated string within the limit", () => {
    const big = { items: Array.from({ length: 60 }, () => "y".repeat(1_000)) }
    const stored = sanitizeCallbackBody(big) as { truncated: string }
    expect(stored.truncated).toHaveLength(STORED_BODY_LIMITS.total)
  })

  it("caps strings, keys and array items", () => {
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]))
    expect(Object.keys(sanitizeCallbackBody(wide)!)).toHaveLength(STORED_BODY_LIMITS.keys)
    expect((sanitizeCallbackBody({ s: "z".repeat(5_000) })!.s as string).length).toBe(STORED_BODY_LIMITS.string)
    expect((sanitizeCallbackBody({ a: Array.from({ length: 100 }, () => 1) })!.a as number[]).length).toBe(STORED_BODY_LIMITS.items)
  })

  it("always returns something JSON can hold without NUL", () => {
    const out = JSON.stringify(sanitizeCallbackBody({ a: ["\u0000".repeat(10), { b: "\u0000" }] }))
    expect(out).not.toContain("\\u0000")
  })
})
