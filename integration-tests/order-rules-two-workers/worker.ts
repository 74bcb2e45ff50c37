import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { cancelUnpaidOrdersWorkflow } from "@soko/medusa-plugin-order-rules/workflows"

/**
 * One "worker process" of the two-worker check (run by run.ts through
 * `medusa exec`): waits for the shared start time, runs the unpaid-order timer
 * with the shared clock, and writes what it did.
 */
export default async function worker({ container }: ExecArgs) {
  const goAt = Number(process.env.SOKO_TWO_WORKERS_GO_AT)
  const now = process.env.SOKO_TWO_WORKERS_NOW as string
  const out = process.env.SOKO_TWO_WORKERS_OUT as string
  await new Promise((r) => setTimeout(r, Math.max(0, goAt - Date.now())))
  const startedAt = Date.now()
  const { result } = await cancelUnpaidOrdersWorkflow(container).run({ input: { now } })
  fs.writeFileSync(out, JSON.stringify({ pid: process.pid, startedAt, finishedAt: Date.now(), result }, null, 2))
}
