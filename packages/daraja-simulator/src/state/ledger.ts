import type { StkTransactionType } from "../validation/stk"

export type LedgerKind = "stk" | "c2b"

/** A payment that moved money, so reversals and status queries know what was paid. */
export interface LedgerEntry {
  receipt: string
  kind: LedgerKind
  amount: number
  msisdn: string
  /** The shortcode credited (paybill or till). */
  shortcode: string
  transactionType: StkTransactionType | "Pay Bill" | "Buy Goods"
  accountReference: string
  at: number
  checkoutRequestId?: string
  /** Set once a reversal of this receipt succeeded. */
  reversedBy?: string
  reversedAt?: number
}

export interface ReversalEntry {
  receipt: string
  originalReceipt: string
  amount: number
  at: number
  conversationId: string
  originatorConversationId: string
}

export class Ledger {
  private readonly payments = new Map<string, LedgerEntry>()
  private readonly reversals = new Map<string, ReversalEntry>()

  record(entry: LedgerEntry): void {
    this.payments.set(entry.receipt, entry)
  }

  get(receipt: string): LedgerEntry | undefined {
    return this.payments.get(receipt)
  }

  getReversal(receipt: string): ReversalEntry | undefined {
    return this.reversals.get(receipt)
  }

  findReversalByConversation(id: string): ReversalEntry | undefined {
    return [...this.reversals.values()].find(
      (r) => r.conversationId === id || r.originatorConversationId === id
    )
  }

  /** Marks the payment reversed; false when it already was (R000001). */
  reverse(reversal: ReversalEntry): boolean {
    const original = this.payments.get(reversal.originalReceipt)
    if (!original || original.reversedBy) {
      return false
    }
    original.reversedBy = reversal.receipt
    original.reversedAt = reversal.at
    this.reversals.set(reversal.receipt, reversal)
    return true
  }

  has(receipt: string): boolean {
    return this.payments.has(receipt) || this.reversals.has(receipt)
  }

  list(): LedgerEntry[] {
    return [...this.payments.values()]
  }

  listReversals(): ReversalEntry[] {
    return [...this.reversals.values()]
  }

  clear(): void {
    this.payments.clear()
    this.reversals.clear()
  }
}
