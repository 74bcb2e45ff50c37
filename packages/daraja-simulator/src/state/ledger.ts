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

/** A B2C payment from a B2C shortcode's float to a customer. */
export interface PayoutEntry {
  receipt: string
  amount: number
  msisdn: string
  /** The B2C shortcode paying out (PartyA). */
  shortcode: string
  commandId: string
  at: number
  conversationId: string
  originatorConversationId: string
}

/** What a B2C shortcode holds before any payout: the sandbox's B2C accounts are funded, not empty. */
export const B2C_OPENING_FLOAT_KES = 1_000_000

export class Ledger {
  private readonly payments = new Map<string, LedgerEntry>()
  private readonly reversals = new Map<string, ReversalEntry>()
  private readonly payouts = new Map<string, PayoutEntry>()
  private readonly b2cRequests = new Set<string>()

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
    return this.payments.has(receipt) || this.reversals.has(receipt) || this.payouts.has(receipt)
  }

  /** KES still available to pay out from a B2C shortcode. */
  b2cFloat(shortcode: string): number {
    let paid = 0
    for (const p of this.payouts.values()) {
      if (p.shortcode === shortcode) {
        paid += p.amount
      }
    }
    return B2C_OPENING_FLOAT_KES - paid
  }

  /** False when a B2C request with this OriginatorConversationID was already made (paid or not). */
  claimB2cRequest(originatorConversationId: string): boolean {
    if (this.b2cRequests.has(originatorConversationId)) {
      return false
    }
    this.b2cRequests.add(originatorConversationId)
    return true
  }

  findPayout(receiptOrConversationId: string): PayoutEntry | undefined {
    return (
      this.payouts.get(receiptOrConversationId) ??
      [...this.payouts.values()].find(
        (p) => p.conversationId === receiptOrConversationId || p.originatorConversationId === receiptOrConversationId
      )
    )
  }

  recordPayout(entry: PayoutEntry): void {
    this.payouts.set(entry.receipt, entry)
  }

  listPayouts(): PayoutEntry[] {
    return [...this.payouts.values()]
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
    this.payouts.clear()
    this.b2cRequests.clear()
  }
}
