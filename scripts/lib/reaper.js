/**
 * The crash guard of scripts/lib/processes.ts. A parent that is killed with
 * SIGKILL cannot stop its children, and children in their own process group
 * are not reached by anything sent to the parent. So the parent starts this
 * small process in a session of its own and tells it, over its stdin pipe,
 * which process groups it owns ("+<pid> <signal>" when started, "-<pid>" when
 * stopped). The pipe closes when the parent dies, however it dies; whatever is
 * still registered then gets its signal, and SIGKILL after a grace period.
 *
 * Plain JavaScript, so it starts in milliseconds without ts-node.
 */
const graceMs = Number(process.argv[2] || 10_000)
const owned = new Map()
let buffer = ""

process.stdin.setEncoding("utf8")
process.stdin.on("data", (chunk) => {
  buffer += chunk
  const lines = buffer.split("\n")
  buffer = lines.pop() || ""
  for (const line of lines) {
    const [op, pid, signal] = [line[0], Number(line.slice(1).split(" ")[0]), line.split(" ")[1]]
    if (op === "+" && pid > 0) {
      owned.set(pid, signal || "SIGTERM")
    } else if (op === "-") {
      owned.delete(pid)
    }
  }
})
process.stdin.on("close", () => void reap())
process.stdin.on("error", () => void reap())

function signalTree(pid, signal) {
  let reached = false
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal)
      reached = true
    } catch {
      // not a group leader, or already gone
    }
  }
  return reached
}

let reaping = false
async function reap() {
  if (reaping) {
    return
  }
  reaping = true
  for (const [pid, signal] of owned) {
    signalTree(pid, signal)
  }
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline && [...owned.keys()].some((pid) => signalTree(pid, 0))) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  for (const pid of owned.keys()) {
    signalTree(pid, "SIGKILL")
  }
  process.exit(0)
}
