/**
 * The M-Pesa pathology matrix (issue 15): every scripted Daraja outcome of
 * the simulator × every way the money path goes wrong, generated, with what
 * the money audit must show for each case. Pure: the HTTP spec
 * (integration-tests/helpers/pathology-matrix-suite.ts, in two spec files) plays the cases.
 */

/** What the simulator's phone table scripts for a number (its DEFAULT_PHONE_SCRIPTS entries). */
export type ScriptedOutcome = { resultCode: number | string; resultDesc: string; callback: boolean }

export type MatrixOutcome = {
  /** e.g. "0 paid", "1032 Request cancelled by user", "1037 … (no callback)". */
  name: string
  msisdn: string
  /** The number as a shopper types it (07…). */
  phone: string
  resultCode: string
  /** Whether Daraja calls back at all for this outcome. */
  callback: boolean
  paid: boolean
}

export const PATHOLOGIES = [
  "callback lost",
  "callback late",
  "callback duplicated x10",
  "forged failure",
  "amount mismatch",
  "after cancel",
  "after session deleted",
  "second paid push",
  "refund double-click",
  "refund timeout",
] as const
export type Pathology = (typeof PATHOLOGIES)[number]

export type MatrixCase = { outcome: MatrixOutcome; pathology: Pathology; name: string }
export type ExcludedCase = { outcome: string; pathology: Pathology; reason: string }

/** The simulator's scripted numbers as matrix outcomes, in the table's order. */
export function matrixOutcomes(scripts: Readonly<Record<string, ScriptedOutcome>>): MatrixOutcome[] {
  return Object.entries(scripts).map(([msisdn, script]) => ({
    name: `${script.resultCode} ${script.resultDesc}${script.callback ? "" : " (no callback)"}`,
    msisdn,
    phone: `0${msisdn.slice(3)}`,
    resultCode: String(script.resultCode),
    callback: script.callback,
    paid: String(script.resultCode) === "0",
  }))
}

/**
 * Why a combination cannot be played, or undefined when it runs. The only
 * meaningless ones: a callback Daraja never sends cannot arrive late or be
 * duplicated ("callback lost" covers those outcomes: reconciliation settles them).
 */
export function exclusionReason(outcome: MatrixOutcome, pathology: Pathology): string | undefined {
  if (!outcome.callback && (pathology === "callback late" || pathology === "callback duplicated x10")) {
    return "Daraja sends no callback for this outcome, so none can arrive late or twice; \"callback lost\" plays it"
  }
  return undefined
}

/** outcomes × pathologies: the cases to play and the ones left out, each with its reason. */
export function pathologyMatrix(
  outcomes: MatrixOutcome[],
  pathologies: readonly Pathology[] = PATHOLOGIES
): { cases: MatrixCase[]; excluded: ExcludedCase[]; size: number } {
  const cases: MatrixCase[] = []
  const excluded: ExcludedCase[] = []
  for (const outcome of outcomes) {
    for (const pathology of pathologies) {
      const reason = exclusionReason(outcome, pathology)
      if (reason) {
        excluded.push({ outcome: outcome.name, pathology, reason })
      } else {
        cases.push({ outcome, pathology, name: `${outcome.name} × ${pathology}` })
      }
    }
  }
  return { cases, excluded, size: outcomes.length * pathologies.length }
}

/** What the audit must show for a case, in KES, for a push of `amountKes`. */
export type ExpectedMoney = {
  /** Safaricom: money that left the phone, and came back. */
  in: number
  out: number
  /** Medusa's captured minus refunded (= Soko's net). */
  net: number
  /** Paid pushes held for the merchant's review. */
  inReview: number
  /** Review rows Safaricom never confirmed paid (no money moved). */
  unconfirmedInReview: number
}

/**
 * The money each case moves. A paid prompt puts the push's amount in; a
 * refund takes it all back out; a payment that does not add up (amount,
 * cancelled order, replaced session, a second payment) is held in review
 * instead of being captured. A failed prompt moves nothing, except in
 * "second paid push", where the merchant's resend to another phone pays.
 */
export function expectedMoney(outcome: Pick<MatrixOutcome, "paid">, pathology: Pathology, amountKes: number): ExpectedMoney {
  const money = (inKes: number, outKes: number, inReview: number, unconfirmedInReview = 0): ExpectedMoney => ({
    in: inKes,
    out: outKes,
    net: inKes - outKes - inReview,
    inReview,
    unconfirmedInReview,
  })
  const a = amountKes
  switch (pathology) {
    case "amount mismatch":
      // Paid: the callback reports another amount. Unpaid: a forged "paid" callback with a wrong amount that STK Query disputes.
      return outcome.paid ? money(a, 0, a) : money(0, 0, 0, a)
    case "after cancel":
    case "after session deleted":
      return outcome.paid ? money(a, 0, a) : money(0, 0, 0)
    case "second paid push":
      return outcome.paid ? money(2 * a, 0, a) : money(a, 0, 0)
    case "refund double-click":
    case "refund timeout":
      return outcome.paid ? money(a, a, 0) : money(0, 0, 0)
    default:
      return outcome.paid ? money(a, 0, 0) : money(0, 0, 0)
  }
}
