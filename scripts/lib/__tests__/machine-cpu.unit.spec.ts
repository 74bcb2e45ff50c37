import { busyMs, coresBusy, startCpuMeter, type CpuTimes } from "../machine-cpu"

const core = (user: number, sys: number, idle: number, nice = 0, irq = 0): { times: CpuTimes } => ({
  times: { user, nice, sys, idle, irq },
})

describe("machine CPU for npm test's summary", () => {
  it.each([
    ["no cores", [], 0],
    ["one core: user, nice, sys and irq count, idle does not", [core(100, 50, 900, 5, 1)], 156],
    ["two cores add up", [core(100, 0, 0), core(20, 30, 1000)], 150],
  ])("busyMs: %s", (_name, cores, expected) => {
    expect(busyMs(cores)).toBe(expected)
  })

  it("measures the busy core-seconds between its start and its reading", () => {
    const readings = [
      [core(1_000, 500, 10_000), core(2_000, 0, 9_000)],
      [core(4_000, 1_500, 12_000), core(3_500, 500, 15_000)],
    ]
    const meter = startCpuMeter(() => readings.shift()!)
    expect(meter()).toEqual({ busySeconds: 6, cores: 2 })
  })

  it.each([
    ["3 busy core-seconds over 2 s on 2 cores", { busySeconds: 3, cores: 2 }, 2, "1.5 of 2"],
    ["an idle machine", { busySeconds: 0, cores: 2 }, 10, "0.0 of 2"],
    ["a skipped step (no time)", { busySeconds: 0, cores: 2 }, 0, "–"],
    ["no reading", undefined, 5, "–"],
  ])("coresBusy: %s", (_name, use, seconds, expected) => {
    expect(coresBusy(use, seconds)).toBe(expected)
  })
})
