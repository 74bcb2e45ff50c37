import net from "node:net"
import { LauncherError } from "./log"

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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function waitForHttp(
  url: string,
  { timeoutMs, isAlive }: { timeoutMs: number; isAlive?: () => boolean }
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) {
      throw new LauncherError(`The process behind ${url} exited before it answered`)
    }
    try {
      const res = await fetch(url)
      if (res.ok) {
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new LauncherError(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`)
}
