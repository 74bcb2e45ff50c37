import { outcome, PhoneScript, StkOutcome } from "../outcomes"
import type { Override } from "../state/overrides"
import type { StkTransactionType } from "../validation/stk"

export interface PlanInput {
  transactionType: StkTransactionType
  businessShortCode: string
  partyB: string
  phoneNumber: string
  /** till → store number */
  tills: ReadonlyMap<string, string>
  script: PhoneScript | undefined
  ruleLimited: boolean
  override?: Override
}

/**
 * Decides what a new prompt will do, most specific first: a control-API
 * override, then merchant configuration errors (which Daraja reports in the
 * callback, not the HTTP answer), then rule 17, then the phone's script.
 */
export const planStk = (input: PlanInput): StkOutcome | "interactive" => {
  if (input.override?.resultCode !== undefined) {
    return outcome(input.override.resultCode, { resultDesc: input.override.resultDesc })
  }
  const configError = productError(input)
  if (configError) {
    return configError
  }
  if (input.ruleLimited) {
    return outcome(17)
  }
  return input.script ?? "interactive"
}

/** Paybill vs till mix-ups: the most common cause of 2028 and SFC_IC0003. */
export const productError = (
  input: Pick<PlanInput, "transactionType" | "businessShortCode" | "partyB" | "tills">
): StkOutcome | undefined => {
  if (input.transactionType === "CustomerPayBillOnline") {
    return input.partyB === input.businessShortCode ? undefined : outcome(2028)
  }
  const store = input.tills.get(input.partyB)
  if (store === undefined) {
    return outcome("SFC_IC0003")
  }
  return store === input.businessShortCode ? undefined : outcome(2028)
}
