import net from "node:net"
import type GetPort from "get-port" with { "resolution-mode": "import" }
import type { portNumbers as PortNumbers } from "get-port" with { "resolution-mode": "import" }
import { LauncherError } from "./log"
import type { Child } from "./processes"

// An ES module (see ./processes.ts on execa).
const { default: getPort, portNumbers } = require("get-port") as { default: typeof GetPort; portNumbers: typeof PortNumbers }

/** Fails with a message naming the port, its use and the variable that moves it. */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "EADDRINUSE"))
    server.once("listening", () => server.close(() => resolve(false)))
    server.listen(port)
  })
  if (inUse) {
    throw new LauncherError(
      `Port ${port} (${what}) is already in use. Stop the program using it ` +
        `(find it with \`lsof -i :${port}\`), or choose another port with ${envVar}=<port>.`
    )
  }
}

/**
 * A free port: any, or the first free one in [from, to]. get-port also
 * remembers what it handed out, so two calls in one process never collide.
 */
export async function freePort(range?: { from: number; to: number }): Promise<number> {
  if (!range) {
    return getPort({ host: "127.0.0.1" })
  }
  const port = await getPort({ port: portNumbers(range.from, range.to), host: "127.0.0.1" })
  if (port < range.from || port > range.to) {
    throw new LauncherError(`No free port between ${range.from} and ${range.to}`)
  }
  return port
}

export type WaitOptions = {
  timeoutMs: number
  /** The process expected to answer: if it exits first, fail at once with its last lines. */
  child?: Pick<Child, "alive" | "tail" | "name">
  /** For a process started some other way: fail at once when this turns false. */
  isAlive?: () => boolean
  /** Accept another answer than 2xx (e.g. a storefront page that redirects). */
  accept?: (res: Response) => boolean
}

/**
 * Waits until `url` answers. Our own loop rather than wait-on: it stops the
 * moment the child it waits for dies, and says why, instead of running out the timeout.
 */
export async function waitForHttp(
  url: string,
  { timeoutMs, child, isAlive, accept = (res) => res.ok }: WaitOptions
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = "no answer"
  while (Date.now() < deadline) {
    if (child && !child.alive()) {
      const tail = child.tail()
      throw new LauncherError(
        `${child.name} exited before ${url} answered.${tail ? ` Its last lines:\n${tail}` : ""}`
      )
    }
    if (isAlive && !isAlive()) {
      throw new LauncherError(`The process behind ${url} exited before it answered`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "manual" })
      if (accept(res)) {
        return
      }
      last = `HTTP ${res.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new LauncherError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`)
}
