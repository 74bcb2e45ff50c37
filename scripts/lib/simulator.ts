import fs from "node:fs"
import path from "node:path"
import { readPort } from "../../src/config/env"
import { assertPortFree } from "./ports"

export type RunningSimulator = { url: string; phoneUrl: string; stop: () => Promise<void> }

type SimulatorModule = {
  startDarajaSimulator: (options: {
    port?: number
    host?: string
    callbackDelayMs?: number
    autoApprove?: boolean
    logger?: { info: (m: string) => void; warn: (m: string) => void; error: (m: string) => void }
  }) => Promise<{ url: string; phoneUrl: string; stop: () => Promise<void> }>
}

export const DEFAULT_SIMULATOR_PORT = 9010

/** The paybill dev mode takes "Pay another way" payments on (Safaricom's sandbox C2B shortcode). */
export const SIMULATOR_C2B_PAYBILL = "600984"

/**
 * Dev mode pays through the local Daraja simulator, unless real Daraja
 * credentials are configured (MPESA_CONSUMER_KEY) or it is not built.
 */
export async function startSimulatorIfAvailable(
  root: string,
  env: NodeJS.ProcessEnv
): Promise<RunningSimulator | undefined> {
  const entry = path.join(root, "packages", "daraja-simulator", "dist", "index.js")
  if (env.MPESA_CONSUMER_KEY || !fs.existsSync(entry)) {
    return undefined
  }
  const port = readPort(env, "SOKO_DARAJA_SIMULATOR_PORT", DEFAULT_SIMULATOR_PORT)
  await assertPortFree(port, "Daraja simulator", "SOKO_DARAJA_SIMULATOR_PORT")
  const { startDarajaSimulator, silentLogger } = require(entry) as SimulatorModule & {
    silentLogger: NonNullable<Parameters<SimulatorModule["startDarajaSimulator"]>[0]["logger"]>
  }
  const simulator = await startDarajaSimulator({
    port,
    host: "127.0.0.1",
    callbackDelayMs: 1500,
    logger: silentLogger,
  })
  env.MPESA_BASE_URL ??= simulator.url
  // Paying by paybill, till or QR works out of the box too, against the simulator's C2B test paybill.
  env.MPESA_C2B_SHORTCODE ??= SIMULATOR_C2B_PAYBILL
  return { url: simulator.url, phoneUrl: simulator.phoneUrl, stop: () => simulator.stop() }
}
