import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MPESA_MODULE } from "../../../../modules/mpesa"
import type MpesaModuleService from "../../../../modules/mpesa/service"
import type { RefundState } from "../../../../utils/refund-transitions"
import { dailyTotals, nairobiDay, nairobiRange, STATEMENT_TIME_ZONE } from "../../../../utils/statement"
import { parseQuery } from "../parse-query"
import { AdminMpesaStatementQuery } from "../validators"

const PAYMENT_STATES = ["paid", "review", "refunded"]
const SETTLED_OUT = ["reversed", "paid_out"]
const OPEN_OUT = ["requested", "pending", "unknown", "confirming"]

/**
 * GET /admin/mpesa/statement?from=&to=: per Nairobi day (Africa/Nairobi,
 * UTC+3), money in (paid pushes, including those held for review), money out
 * (reversals and payouts Safaricom confirmed), refunds still open, and net.
 * A payment counts on the day it settled, a refund on the day Safaricom
 * confirmed it (an open one on the day it was asked for).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const q = parseQuery(AdminMpesaStatementQuery, req.query)
  const to = q.to ?? nairobiDay(new Date())
  const from = q.from ?? nairobiDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000))
  if (from > to) {
    // Only one of the two was given and it falls on the wrong side of the default.
    res.status(400).json({ type: "invalid_data", message: q.from ? "from must not be after to (today by default)" : "to must not be before from" })
    return
  }
  const { start, end } = nairobiRange(from, to)
  const within = { $gte: start, $lt: end }
  const mpesa = req.scope.resolve<MpesaModuleService>(MPESA_MODULE)
  const select = ["id", "status", "flag", "amount_kes", "settled_at", "created_at"]
  const [payments, settledOut, openOut] = await Promise.all([
    mpesa.listStkRequests(
      { status: PAYMENT_STATES, $or: [{ settled_at: within }, { settled_at: null, created_at: within }] },
      { select: select as never }
    ),
    mpesa.listReversals({ status: SETTLED_OUT, settled_at: within }, { select: ["id", "status", "amount_kes", "settled_at"] as never }),
    mpesa.listReversals({ status: OPEN_OUT, created_at: within }, { select: ["id", "status", "amount_kes", "created_at"] as never }),
  ])
  const days = dailyTotals(
    from,
    to,
    payments.map((p) => ({ status: p.status, flag: p.flag, amount_kes: p.amount_kes, at: new Date(p.settled_at ?? p.created_at) })),
    [
      ...settledOut.map((r) => ({ status: r.status as RefundState, amount_kes: r.amount_kes, at: new Date(r.settled_at!) })),
      ...openOut.map((r) => ({ status: r.status as RefundState, amount_kes: r.amount_kes, at: new Date(r.created_at) })),
    ]
  )
  const total = (key: "in_kes" | "out_kes" | "pending_out_kes" | "unconfirmed_kes" | "net_kes") => days.reduce((sum, d) => sum + d[key], 0)
  res.json({
    time_zone: STATEMENT_TIME_ZONE,
    from,
    to,
    days,
    totals: {
      in_kes: total("in_kes"),
      out_kes: total("out_kes"),
      pending_out_kes: total("pending_out_kes"),
      unconfirmed_kes: total("unconfirmed_kes"),
      net_kes: total("net_kes"),
    },
  })
}
