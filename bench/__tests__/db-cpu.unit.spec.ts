import { parseProcStat, postgresTicks, type ProcStat } from "../db-cpu"

describe("parseProcStat", () => {
  it.each([
    [
      "a postmaster",
      "2233 (postgres) S 1 2233 2233 0 -1 4194304 6464 275000 0 25 2 13 10377 1272 20 0 1 0 3234",
      { pid: 2233, ppid: 1, comm: "postgres", ownTicks: 15, reapedTicks: 11649 },
    ],
    [
      "a name with spaces and parentheses",
      "42 (node (bench) x) R 7 42 42 0 -1 0 0 0 0 0 100 50 3 4 20 0 1 0 9",
      { pid: 42, ppid: 7, comm: "node (bench) x", ownTicks: 150, reapedTicks: 7 },
    ],
  ])("%s", (_, line, expected) => {
    expect(parseProcStat(line)).toEqual(expected)
  })
  it("is undefined for a line without a name", () => {
    expect(parseProcStat("garbage")).toBeUndefined()
  })
})

describe("postgresTicks", () => {
  const stat = (pid: number, ppid: number, comm: string, ownTicks: number, reapedTicks: number): ProcStat => ({
    pid,
    ppid,
    comm,
    ownTicks,
    reapedTicks,
  })
  it.each<[string, ProcStat[], number]>([
    ["no PostgreSQL", [stat(5, 1, "node", 100, 100)], 0],
    ["the postmaster's own and reaped time, its backends' own", [stat(10, 1, "postgres", 5, 300), stat(11, 10, "postgres", 40, 0), stat(12, 10, "postgres", 60, 9)], 405],
    ["other processes left out", [stat(10, 1, "postgres", 5, 0), stat(20, 1, "node", 999, 999)], 5],
  ])("%s", (_, stats, expected) => {
    expect(postgresTicks(stats)).toBe(expected)
  })
})
