import { markLedgerTimeStep } from "./mark-ledger-time"

export const markRefundRecordedStepId = "mark-mpesa-refund-recorded"

/** Notes that Medusa holds the refund, so reconciliation does not record it again. */
export const markRefundRecordedStep = markLedgerTimeStep(markRefundRecordedStepId, "refund_id", (mpesa, id, at) =>
  mpesa.updateReversals({ id, refund_recorded_at: at })
)
