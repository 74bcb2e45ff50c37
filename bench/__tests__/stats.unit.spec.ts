import { isQuiet, settle, SETTLE_QUIET_LOOKS } from "../settle"
import { pairedRatio, roundOrder, scenarioGroups, spread, type Round } from "../stats"

const round = (throughput: number, cpuMsPerIteration = 1000, dbCpuMsPerIteration = 200): Round => ({
  throughput,
  p50: 1,
  p95: 1,
  p99: 1,
  sqlPerRequest: 1,
  sqlPerIteration: 1,
  cpuMsPerIteration,
  dbCpuMsPerIteration,
  tailCpuMsPerIteration: 0,
  tailMs: 0,
  unsettled: 0,
  kbPerIteration: 1,
  rssMb: 1,
  iterations: 1,
  requests: 1,
  errors: 0,
})

describe("roundOrder", () => {
  it.each<[string, number[], number, number[]]>([
    ["round 0 keeps the order", [0, 1, 2], 0, [0, 1, 2]],
    ["round 1 starts with the second", [0, 1, 2], 1, [1, 2, 0]],
    ["round 2 starts with the third", [0, 1, 2], 2, [2, 0, 1]],
    ["it wraps around", [0, 1, 2], 4, [1, 2, 0]],
    ["one configuration", [7], 3, [7]],
    ["none", [], 1, []],
  ])("%s", (_, active, r, expected) => {
    expect(roundOrder(active, r)).toEqual(expected)
  })
  it("puts each configuration first once in as many rounds as there are configurations", () => {
    const firsts = [0, 1, 2, 3].map((r) => roundOrder(["a", "b", "c", "d"], r)[0])
    expect(new Set(firsts).size).toBe(4)
  })
})

describe("pairedRatio", () => {
  it.each<[string, Round[], Round[], { median: number; min: number; max: number }]>([
    [
      "the median of round-by-round ratios",
      [round(2), round(4), round(9)],
      [round(1), round(4), round(3)],
      { median: 2, min: 1, max: 3 },
    ],
    [
      // Both sides slowed down in round 2 (a busy machine): the ratio of the medians would be
      // 3 ÷ 2 = 1.5; the rounds themselves say 1.
      "a slow stretch hits both sides of a pair",
      [round(4), round(1), round(3)],
      [round(4), round(1), round(2)],
      { median: 1, min: 1, max: 1.5 },
    ],
    ["only rounds both sides have", [round(2), round(6)], [round(1)], { median: 2, min: 2, max: 2 }],
    ["a round with no throughput is left out", [round(2), round(3)], [round(0), round(3)], { median: 1, min: 1, max: 1 }],
  ])("%s", (_, a, b, expected) => {
    expect(pairedRatio(a, b, "throughput")).toEqual(expected)
  })
  it("is NaN without a pair", () => {
    expect(pairedRatio([], [round(1)], "throughput").median).toBeNaN()
  })
  it("takes a derived figure", () => {
    const cpuWithDb = (r: Round) => r.cpuMsPerIteration + r.dbCpuMsPerIteration
    expect(pairedRatio([round(1, 900, 100)], [round(1, 1800, 200)], cpuWithDb).median).toBe(0.5)
  })
})

describe("scenarioGroups", () => {
  const groups: Record<string, string> = { sys: "checkouts", store: "checkouts", starter: "checkouts" }
  it.each<[string, string[], string[][]]>([
    ["no groups: one scenario each", ["list", "page"], [["list"], ["page"]]],
    ["a group gathered at its first member", ["list", "sys", "page", "store", "starter"], [["list"], ["sys", "store", "starter"], ["page"]]],
    ["a group of one", ["starter", "list"], [["starter"], ["list"]]],
  ])("%s", (_, names, expected) => {
    expect(scenarioGroups(names, (name) => groups[name])).toEqual(expected)
  })
})

describe("isQuiet", () => {
  it.each<[string, { sql: number; cpuMs: number }, boolean]>([
    ["no SQL, no CPU", { sql: 0, cpuMs: 0 }, true],
    ["no SQL, an idle poll's CPU", { sql: 0, cpuMs: 10 }, true],
    ["no SQL, busy", { sql: 0, cpuMs: 60 }, false],
    ["a statement ran", { sql: 1, cpuMs: 0 }, false],
  ])("%s (a 250-ms look)", (_, delta, expected) => {
    expect(isQuiet(delta, 250)).toBe(expected)
  })
})

describe("settle", () => {
  // Counters as a server's side socket reports them: total statements and CPU ms so far.
  type Counters = { sql: number; cpuMs: number }
  const delta = (a: Counters, b: Counters) => ({ sql: b.sql - a.sql, cpuMs: b.cpuMs - a.cpuMs })
  const scripted = (looks: Counters[]) => {
    let n = 0
    return { look: async () => looks[Math.min(n++, looks.length - 1)], looked: () => n }
  }
  it("waits out the work left after the load and returns the counters once quiet", async () => {
    const busy = [{ sql: 12, cpuMs: 80 }, { sql: 20, cpuMs: 150 }]
    const server = scripted([...busy, ...Array(SETTLE_QUIET_LOOKS).fill({ sql: 20, cpuMs: 151 })])
    const result = await settle({ sql: 0, cpuMs: 0 }, server.look, delta)
    expect(result.settled).toBe(true)
    expect(result.after).toEqual({ sql: 20, cpuMs: 151 })
    expect(server.looked()).toBe(busy.length + SETTLE_QUIET_LOOKS)
  })
  it("starts again after a quiet look between two events", async () => {
    const server = scripted([
      { sql: 0, cpuMs: 1 },
      { sql: 5, cpuMs: 40 },
      ...Array(SETTLE_QUIET_LOOKS).fill({ sql: 5, cpuMs: 40 }),
    ])
    const result = await settle({ sql: 0, cpuMs: 0 }, server.look, delta)
    expect(result.after).toEqual({ sql: 5, cpuMs: 40 })
    expect(server.looked()).toBe(2 + SETTLE_QUIET_LOOKS)
  })
})

describe("spread", () => {
  it("is the median with min and max", () => {
    expect(spread([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10 })
  })
})
