import fs from "node:fs"
import path from "node:path"

export type Leftover = { pid: number; command: string; cwd: string }

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8")
  } catch {
    return undefined
  }
}

function parentOf(pid: number): number | undefined {
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" do not.
  const stat = read(`/proc/${pid}/stat`)
  return stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : undefined
}

/** This process and everything above it: the shell, npm or jest that runs the check. */
function ancestors(): Set<number> {
  const found = new Set<number>()
  for (let pid: number | undefined = process.pid; pid && pid > 1 && !found.has(pid); pid = parentOf(pid)) {
    found.add(pid)
  }
  return found
}

/**
 * Every process, other than this one and its ancestors, whose command line or
 * working directory is inside `checkout`: what "left behind" means after a
 * stop, whichever group or parent it ended up in. Linux only (reads /proc).
 */
export function processesUnder(checkout: string, options: { except?: number[] } = {}): Leftover[] {
  const dir = path.resolve(checkout)
  const inside = (p: string) => p === dir || p.startsWith(`${dir}/`)
  const skip = new Set([...ancestors(), ...(options.except ?? [])])
  const found: Leftover[] = []
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || skip.has(pid)) {
      continue
    }
    const command = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim()
    let cwd = ""
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`)
    } catch {
      // gone, or a zombie: nothing of it runs any more
    }
    if (command && (inside(cwd) || command.split(" ").some((word) => inside(word) || word.includes(`${dir}/`)))) {
      found.push({ pid, command, cwd })
    }
  }
  return found
}

/**
 * Every process whose environment holds `mark` ("NAME=value"), wherever it
 * runs: children inherit their parent's environment, and a killed parent's
 * orphans keep it, so a test that starts a program with a mark of its own
 * finds all it left, even beside other work in the same checkout.
 */
export function processesMarked(mark: string): Leftover[] {
  const found: Leftover[] = []
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid || !(read(`/proc/${pid}/environ`) ?? "").split("\0").includes(mark)) {
      continue
    }
    let cwd = ""
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`)
    } catch {
      // gone, or a zombie: nothing of it runs any more
    }
    found.push({ pid, command: (read(`/proc/${pid}/cmdline`) ?? "").split("\0").join(" ").trim(), cwd })
  }
  return found.filter((p) => p.command)
}

export function describeLeftovers(leftovers: Leftover[]): string {
  return leftovers.map((p) => `  ${p.pid}  ${p.command.slice(0, 160)}  (in ${p.cwd})`).join("\n")
}

/** Waits (bounded) until `find` finds nothing; returns what it still finds. */
export async function settleLeftovers(find: () => Leftover[], options: { timeoutMs?: number } = {}): Promise<Leftover[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let left = find()
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
    left = find()
  }
  return left
}
