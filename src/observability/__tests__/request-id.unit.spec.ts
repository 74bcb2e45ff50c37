import { acceptedRequestId } from "../request-id"
import { routeOf } from "../http-metrics"

describe("acceptedRequestId", () => {
  const cases: [unknown, string | undefined][] = [
    ["6f1c2b9e-8f1a-4a55-9a43-0b3a4c2d1e0f", "6f1c2b9e-8f1a-4a55-9a43-0b3a4c2d1e0f"],
    ["Root=1-67891233-abcdef012345678912345678", undefined],
    ["lb.req:01HZX", "lb.req:01HZX"],
    [["first-id-123", "second-id-456"], "first-id-123"],
    ["short", undefined],
    ["a".repeat(129), undefined],
    ["id with spaces", undefined],
    ["id\nforged-log-line", undefined],
    ["<script>alert(1)</script>", undefined],
    [undefined, undefined],
    [42, undefined],
  ]
  it.each(cases)("%j → %j", (given, expected) => {
    expect(acceptedRequestId(given)).toBe(expected)
  })
})

describe("routeOf", () => {
  it("is the matched pattern, never the URL", () => {
    expect(routeOf({ baseUrl: "", route: { path: "/store/carts/:id" } })).toBe("/store/carts/:id")
    expect(routeOf({ baseUrl: "/admin", route: { path: "/orders/:id" } })).toBe("/admin/orders/:id")
    expect(routeOf({})).toBe("unmatched")
  })
})
