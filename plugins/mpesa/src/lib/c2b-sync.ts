import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { pullTransactions, registerPull } from "../providers/mpesa/c2b-client"
import { sharedDarajaClient } from "../providers/mpesa/shared-client"
import { pullDate, pullRecordToInput } from "../utils/c2b-pull"
import { confirmMpesaC2bPaymentWorkflow } from "../workflows/confirm-mpesa-c2b-payment"
import { receiveMpesaC2bPaymentWorkflow } from "../workflows/receive-mpesa-c2b-payment"
import { settleMpesaC2bPaymentWorkflow } from "../workflows/settle-mpesa-c2b-payment"
import { mpesaProviderOptions } from "./provider-options"

const CONFIRM_BATCH = 50
/** Pages of Pull Transactions read per run at most (Daraja pages by 1,000). */
const MAX_PULL_PAGES = 20

export type C2bConfirmSummary = { asked: number; unresolved: number; errors: number }

/**
 * Payments whose confirmation Daraja has not answered: asked again with
 * backoff (next_check_at), and sent to review as "unresolved" once older
 * than the reconciliation window. Each through its workflow.
 */
export async function confirmC2bBacklog(container: MedusaContainer, now = new Date()): Promise<C2bConfirmSummary> {
  const options = mpesaProviderOptions(container)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const due = await mpesa.listC2bPaymentsToConfirm({ now, limit: CONFIRM_BATCH })
  const maxAgeMs = options.reconcileMaxAgeHours * 3_600_000
  const summary: C2bConfirmSummary = { asked: 0, unresolved: 0, errors: 0 }
  for (const payment of due) {
    try {
      if (now.getTime() - new Date(payment.created_at).getTime() > maxAgeMs) {
        await settleMpesaC2bPaymentWorkflow(container).run({ input: { id: payment.id, event: { type: "unresolved" } } })
        summary.unresolved++
      } else {
        await confirmMpesaC2bPaymentWorkflow(container).run({ input: { id: payment.id } })
        summary.asked++
      }
    } catch {
      summary.errors++
    }
  }
  return summary
}

export type C2bPullSummary = { listed: number; recorded: number; confirmed: number; errors: number }

/**
 * Pull Transactions for the last `pullWindowHours`: every payment Safaricom
 * lists is recorded once by TransID (a confirmation that never came is
 * recorded now; one that came is the same row) and settled on Safaricom's
 * word: confirmed when the amounts agree, a mismatch for the merchant otherwise.
 */
export async function pullC2bTransactions(container: MedusaContainer, now = new Date()): Promise<C2bPullSummary> {
  const options = mpesaProviderOptions(container)
  const c2b = options.c2b
  const summary: C2bPullSummary = { listed: 0, recorded: 0, confirmed: 0, errors: 0 }
  if (!c2b?.pullTransactions) {
    return summary
  }
  const client = sharedDarajaClient(options)
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const window = { startDate: pullDate(new Date(now.getTime() - c2b.pullWindowHours * 3_600_000)), endDate: pullDate(now) }
  for (let page = 0, offset = 0; page < MAX_PULL_PAGES; page++) {
    const { records, empty } = await pullTransactions(client, { shortcode: c2b.shortcode, ...window, offset })
    if (empty) {
      break
    }
    summary.listed += records.length
    offset += records.length
    for (const raw of records) {
      const record = pullRecordToInput(raw, c2b.shortcode)
      if (!record) {
        continue
      }
      try {
        const { result } = await receiveMpesaC2bPaymentWorkflow(container).run({ input: { ...record, source: "pull" } })
        summary.recorded += result.created ? 1 : 0
        const row = await mpesa.retrieveC2bPayment(result.id)
        const agrees = row.amount_kes !== null && row.amount_kes === record.amount_kes
        await settleMpesaC2bPaymentWorkflow(container).run({
          input: { id: row.id, event: { type: agrees ? "confirmed" : "confirmation_mismatch" } },
        })
        summary.confirmed += agrees ? 1 : 0
      } catch {
        summary.errors++
      }
    }
  }
  return summary
}

/**
 * Registers the shop's C2B shortcode for Pull Transactions (Safaricom keeps
 * it; repeating it is harmless) against the merchant's nominated phone
 * (option `c2bPullNominatedNumber`). Run with the C2B URL registration.
 */
export async function registerC2bPull(container: MedusaContainer) {
  const options = mpesaProviderOptions(container)
  if (!options.c2b?.pullTransactions || !options.c2b.pullNominatedNumber) {
    throw new Error("Pull Transactions is off: set MPESA_C2B_PULL_TRANSACTIONS and MPESA_C2B_PULL_NOMINATED_NUMBER first")
  }
  await registerPull(sharedDarajaClient(options), {
    shortcode: options.c2b.shortcode,
    nominatedNumber: options.c2b.pullNominatedNumber,
    callbackUrl: `${options.callbackUrl}/hooks/daraja/pull`,
  })
}
