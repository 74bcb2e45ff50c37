import net from "node:net"
import { LauncherError } from "./log"
import type { Child } from "./processes"

/** Fails with a message naming the port, its use and the variable that moves it (if any). */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "EADDRINUSE"))
    server.once("listening", () => server.close(() => resolve(false)))
    server.listen(port)
  })
  if (inUse) {
    throw new LauncherError(
      `Port ${port} (${what}) is already in use. Stop the program using it ` +
        `(find it with \`lsof -i :${port}\`)${envVar ? `, or choose another port with ${envVar}=<port>` : ""}.`
    )
  }
}

/** Ports this process handed out, so two calls never return the same one before it is taken. */
const handedOut = new Set<number>()

function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once("error", () => resolve(undefined))
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as net.AddressInfo
      server.close(() => resolve(bound))
    })
  })
}

/**
 * A free port: any (the OS's choice), or the first free one in [from, to].
 * Our own few lines rather than get-port: that package is an ES module only,
 * which jest cannot load in the HTTP layer's ESM mode (--experimental-vm-modules).
 */
export async function freePort(range?: { from: number; to: number }): Promise<number> {
  const candidates = range ? Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i) : [0, 0, 0, 0, 0]
  for (const candidate of candidates) {
    if (handedOut.has(candidate)) {
      continue
    }
    const port = await listenOn(candidate)
    if (port !== undefined && !handedOut.has(port)) {
      handedOut.add(port)
      return port
    }
  }
  throw new LauncherError(range ? `No free port between ${range.from} and ${range.to}` : "No free port found")
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
