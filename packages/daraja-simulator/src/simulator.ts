import http from "node:http"
import type { AddressInfo } from "node:net"
import { createSim } from "./context"
import { Control } from "./control/api"
import type { DarajaSimulatorOptions } from "./options"
import { createRequestListener } from "./server"

/** A running simulator: its address, `stop()`, and the control API as methods. */
export interface DarajaSimulator extends Control {
  /** Base URL to use instead of https://sandbox.safaricom.co.ke, e.g. http://127.0.0.1:41234 */
  readonly url: string
  readonly port: number
  readonly host: string
  /** The phone page. */
  readonly phoneUrl: string
  /** The same operations as an object, for code that prefers `sim.control.reset()`. */
  readonly control: Control
  /** Closes the server and cancels every timer and outgoing callback. */
  stop(): Promise<void>
}

export const startDarajaSimulator = async (
  options: DarajaSimulatorOptions = {}
): Promise<DarajaSimulator> => {
  const sim = createSim(options)
  const control = new Control(sim)
  const server = http.createServer({ keepAlive: true }, createRequestListener(sim, control))
  // Clients such as benchmarks keep connections open; headersTimeout keeps idle
  // sockets from pinning the process after stop().
  server.keepAliveTimeout = 5_000
  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host
  const url = `http://${urlHost}:${port}`
  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      sim.scheduler.stop()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return stopping
  }
  // Methods live on the Control prototype, so bind them onto the handle.
  const handle = Object.create(control) as DarajaSimulator
  return Object.assign(handle, { url, port, host, phoneUrl: `${url}/phone`, control, stop })
}
