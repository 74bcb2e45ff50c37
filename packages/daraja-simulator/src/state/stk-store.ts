import type { ResultCode, StkOutcome } from "../outcomes"
import type { StkTransactionType } from "../validation/stk"
import type { Override } from "./overrides"

export type StkSettledBy = "script" | "phone" | "auto-approve" | "timeout" | "control"

export interface StkResult {
  resultCode: ResultCode
  resultDesc: string
  receipt?: string
  settledAt: number
  settledBy: StkSettledBy
}

export interface StkTransaction {
  merchantRequestId: string
  checkoutRequestId: string
  businessShortCode: string
  transactionType: StkTransactionType
  amount: number
  partyA: string
  partyB: string
  phoneNumber: string
  callBackUrl: string
  accountReference: string
  transactionDesc: string | null
  merchantName: string
  createdAt: number
  /** What happens if nobody answers on the phone page: a scripted outcome or a human. */
  plan: StkOutcome | "interactive"
  /** Per-request control-API override that shapes the callback. */
  override?: Override
  status: "pending" | "settled"
  result?: StkResult
}

const MAX_TRANSACTIONS = 20_000

/**
 * STK prompts and the one-open-prompt-per-phone lock. Every method is
 * synchronous: Node runs one at a time, so check-and-lock cannot interleave.
 */
export class StkStore {
  private readonly transactions = new Map<string, StkTransaction>()
  private readonly locks = new Map<string, string>()
  // phone:amount -> when it was last paid, for result 17.
  private readonly lastPaid = new Map<string, number>()

  isLocked(phone: string): boolean {
    return this.locks.has(phone)
  }

  has(checkoutRequestId: string): boolean {
    return this.transactions.has(checkoutRequestId)
  }

  /** Opens a prompt; false when the phone already has one open (500.001.1001). */
  open(tx: StkTransaction): boolean {
    if (this.locks.has(tx.phoneNumber)) {
      return false
    }
    this.locks.set(tx.phoneNumber, tx.checkoutRequestId)
    this.transactions.set(tx.checkoutRequestId, tx)
    this.evict()
    return true
  }

  get(checkoutRequestId: string): StkTransaction | undefined {
    return this.transactions.get(checkoutRequestId)
  }

  /** Settles a pending prompt once; later answers (a timer after a human click) are ignored. */
  settle(checkoutRequestId: string, result: StkResult): StkTransaction | undefined {
    const tx = this.transactions.get(checkoutRequestId)
    if (!tx || tx.status !== "pending") {
      return undefined
    }
    tx.status = "settled"
    tx.result = result
    if (this.locks.get(tx.phoneNumber) === checkoutRequestId) {
      this.locks.delete(tx.phoneNumber)
    }
    if (result.resultCode === 0) {
      this.lastPaid.set(`${tx.phoneNumber}:${tx.amount}`, result.settledAt)
    }
    return tx
  }

  /** True when the same phone paid the same amount less than `windowMs` ago (result 17). */
  isRuleLimited(phone: string, amount: number, now: number, windowMs: number): boolean {
    const at = this.lastPaid.get(`${phone}:${amount}`)
    return windowMs > 0 && at !== undefined && now - at < windowMs
  }

  pending(): StkTransaction[] {
    return this.list().filter((t) => t.status === "pending")
  }

  list(): StkTransaction[] {
    return [...this.transactions.values()]
  }

  clear(): void {
    this.transactions.clear()
    this.locks.clear()
    this.lastPaid.clear()
  }

  private evict(): void {
    if (this.transactions.size <= MAX_TRANSACTIONS) {
      return
    }
    for (const [id, tx] of this.transactions) {
      if (this.transactions.size <= MAX_TRANSACTIONS) {
        return
      }
      if (tx.status === "settled") {
        this.transactions.delete(id)
      }
    }
  }
}
