import { markLedgerTimeStep } from "./mark-ledger-time"

export const markStkCapturedStepId = "mark-mpesa-stk-captured"

/** Notes that Medusa's payment for the request is captured, so nothing retries it. */
export const markStkCapturedStep = markLedgerTimeStep(markStkCapturedStepId, "request_id", (mpesa, id, at) =>
  mpesa.updateStkRequests({ id, captured_at: at })
)
