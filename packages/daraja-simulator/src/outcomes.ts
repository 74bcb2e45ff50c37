// What happens to an STK prompt. Result codes are numbers except Daraja's
// string codes (SFC_IC0003), exactly as they appear in the callback.

export type ResultCode = number | string

export interface StkOutcome {
  resultCode: ResultCode
  resultDesc: string
  /** False when Daraja never calls back (phone unreachable, 1037). */
  callback: boolean
}

/** "interactive": the prompt waits on the phone page (or auto-approves when that is on). */
export type PhoneScript = StkOutcome | "interactive"

export const RESULT_DESCRIPTIONS: Record<string, string> = {
  "0": "The service request is processed successfully.",
  "1": "The balance is insufficient for the transaction.",
  "17": "Rule limited.",
  "1001":
    "Unable to lock subscriber, a transaction is already in process for the current subscriber",
  "1019": "Transaction has expired",
  "1025": "An error occurred while sending a push request",
  "1032": "Request cancelled by user",
  "1037": "DS timeout user cannot be reached",
  "2001": "The initiator information is invalid.",
  "2028": "The request is not permitted according to product assignment",
  "9999": "An error occurred while sending a push request.",
  SFC_IC0003: "Operator does not exist",
}

export const describeResult = (code: ResultCode): string =>
  RESULT_DESCRIPTIONS[String(code)] ?? "The service request has failed."

export const outcome = (
  resultCode: ResultCode,
  extra: Partial<Omit<StkOutcome, "resultCode">> = {}
): StkOutcome => ({
  resultCode,
  resultDesc: extra.resultDesc ?? describeResult(resultCode),
  callback: extra.callback ?? true,
})

/** The sandbox's documented test MSISDN: it pays. */
export const SANDBOX_MSISDN = "254708374149"

/** The documented phone table (README). Any other valid MSISDN is interactive. */
export const DEFAULT_PHONE_SCRIPTS: Readonly<Record<string, StkOutcome>> = {
  [SANDBOX_MSISDN]: outcome(0),
  "254700000001": outcome(1032),
  "254700000002": outcome(1037, { callback: false }),
  "254700000003": outcome(1),
  "254700000004": outcome(2001),
  "254700000005": outcome(1019),
  "254700000006": outcome(1001),
  "254700000007": outcome(1025),
  "254700000008": outcome(9999),
  "254700000009": outcome("SFC_IC0003"),
  "254700000010": outcome(1032, { resultDesc: "[STK_CB - ]Request cancelled by user" }),
  "254700000011": outcome(1037),
  "254700000012": outcome(17),
  "254700000013": outcome(2028),
}

export const PAID = outcome(0)
