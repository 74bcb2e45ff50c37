import fs from "node:fs"
import path from "node:path"
import { log } from "./log"
import { coresBusy, startCpuMeter, type CpuUse } from "./machine-cpu"
import { startProcess, stopAll } from "./processes"
import { readJestReport, readPlaywrightReport, type StepReport } from "./test-reports"

/** One command of `npm test`: a standard runner writing a JSON report, or a check (typecheck, lint). */
export type Step = {
  name: string
  command: string
  args: string[]
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Where the runner writes its report; a step without one counts as one check. */
  report?: { kind: "jest" | "playwright"; file: string }
  /** Set when the step cannot run here: the reason, shown in the summary. */
  skip?: string
  /** Needs the PostgreSQL of DB_* (an embedded one is started for the run when DB_HOST is unset). */
  database?: boolean
}

export type StepResult = {
  name: string
  code: number
  seconds: number
  /** The whole machine's busy core-seconds while the step ran (steps beside it and PostgreSQL included). */
  cpu?: CpuUse
  report: StepReport
  logFile?: string
  skipped?: string
}

/** Set once a stop signal came: a lane then starts no further step while the running ones are stopped. */
let stopping = false

/** What a stop signal does: no lane starts another step, and the running ones are stopped. */
export function stopSteps(graceMs = 5_000): Promise<void> {
  stopping = true
  return stopAll({ graceMs })
}

/** Ctrl-C, SIGTERM or a closed terminal stop every running step (each in its own process group) before exiting. */
export function stopStepsOnSignal() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      log.warn(`${signal}: stopping the running steps…`)
      void stopSteps().finally(() => process.exit(130))
    })
  }
}

function readReport(step: Step): StepReport | undefined {
  if (!step.report || !fs.existsSync(step.report.file)) {
    return undefined
  }
  try {
    return step.report.kind === "jest" ? readJestReport(step.report.file) : readPlaywrightReport(step.report.file)
  } catch (error) {
    log.warn(`${step.name}: could not read ${step.report.file} (${(error as Error).message})`)
    return undefined
  }
}

function tail(file: string, lines = 40) {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : ""
}

/**
 * Runs one step. Its output goes to a log file, and also to the terminal when
 * `stream` is set (steps running side by side would interleave, so they don't).
 */
export async function runStep(step: Step, options: { env: NodeJS.ProcessEnv; logDir: string; stream: boolean }): Promise<StepResult> {
  if (step.skip) {
    log.warn(`${step.name}: SKIPPED (${step.skip})`)
    return { name: step.name, code: 0, seconds: 0, report: { passed: 0, failed: 0, skipped: 1, failures: [] }, skipped: step.skip }
  }
  fs.mkdirSync(options.logDir, { recursive: true })
  const logFile = path.join(options.logDir, `${step.name.replace(/\W+/g, "-")}.log`)
  fs.rmSync(logFile, { force: true })
  if (step.report) {
    fs.rmSync(step.report.file, { force: true })
  }
  log.step(`${step.name}: ${[path.basename(step.command), ...step.args].join(" ")}`)
  const started = Date.now()
  const cpuMeter = startCpuMeter()
  const heartbeat = setInterval(() => {
    log.step(`${step.name} still running (${Math.round((Date.now() - started) / 60_000)} min; log: ${path.relative(process.cwd(), logFile)})`)
  }, 120_000)
  const child = startProcess(step.name, step.command, step.args, {
    cwd: step.cwd,
    env: { ...options.env, ...step.env },
    logFile,
    onLine: options.stream ? (line) => console.log(line) : undefined,
  })
  const exitCode = await child.exited
  await child.settled
  clearInterval(heartbeat)
  const code = exitCode ?? 128
  const seconds = (Date.now() - started) / 1000
  const cpu = cpuMeter()
  const counted = readReport(step)
  const report: StepReport =
    counted ?? (code === 0 ? { passed: 1, failed: 0, skipped: 0, failures: [] } : { passed: 0, failed: 1, skipped: 0, failures: [] })
  if (code !== 0 && report.failed === 0) {
    // The runner failed without a failing test (a crash, a failed global setup, a type error): one failure.
    report.failed = 1
  }
  if (code !== 0 && !report.failures.length) {
    report.failures.push({ name: `${step.name} exited with code ${code}`, message: tail(logFile) })
  }
  const line = `${step.name}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${seconds.toFixed(1)} s, cores busy ${coresBusy(cpu, seconds)})`
  if (code === 0) {
    log.ok(line)
  } else {
    log.error(`${line}; full output in ${path.relative(process.cwd(), logFile)}`)
    for (const failure of report.failures.slice(0, 10)) {
      console.error(`  ● ${failure.name}\n${failure.message.replace(/^/gm, "    ")}`)
    }
  }
  return { name: step.name, code, seconds, cpu, report, logFile }
}

/** Runs lanes side by side, each lane's steps one after another. */
export async function runLanes(lanes: Step[][], options: { env: NodeJS.ProcessEnv; logDir: string }): Promise<StepResult[]> {
  const active = lanes.filter((lane) => lane.length)
  const results = await Promise.all(
    active.map(async (lane) => {
      const done: StepResult[] = []
      for (const step of lane) {
        if (stopping) {
          break
        }
        done.push(await runStep(step, { ...options, stream: active.length === 1 }))
      }
      return done
    })
  )
  return results.flat()
}

/**
 * The table at the end of `npm test`, then one line of totals. "cores busy" is
 * the whole machine's: steps side by side share it, so it says how much room
 * running more at once could find.
 */
export function printSummary(results: StepResult[], extra: string[] = []) {
  const width = Math.max(...results.map((r) => r.name.length), 4)
  console.log("")
  console.log(log.bold(`${"step".padEnd(width)}  passed  failed  skipped     time  cores busy`))
  for (const r of results) {
    const { passed, failed, skipped } = r.report
    const mark = r.skipped ? `  skipped: ${r.skipped}` : r.code !== 0 ? "  ✗" : ""
    console.log(
      `${r.name.padEnd(width)}  ${String(passed).padStart(6)}  ${String(failed).padStart(6)}  ${String(skipped).padStart(7)}  ${`${r.seconds.toFixed(0)} s`.padStart(7)}  ${coresBusy(r.cpu, r.seconds).padStart(10)}${mark}`
    )
  }
  for (const line of extra) {
    console.log(line)
  }
  const total = results.reduce(
    (sum, r) => ({ passed: sum.passed + r.report.passed, failed: sum.failed + r.report.failed, skipped: sum.skipped + r.report.skipped }),
    { passed: 0, failed: 0, skipped: 0 }
  )
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  return total
}
