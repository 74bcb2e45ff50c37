/** How the customer paid: the menu's Pay Bill or Buy Goods, a scanned Dynamic QR, or the sandbox simulate API. */
export type C2bChannel = "paybill" | "till" | "qr" | "simulate"

export type C2bTransactionType = "Pay Bill" | "Buy Goods"

/**
 * What the registered ValidationURL did: not asked (no URLs, or validation
 * off), accepted, rejected with a C2B000xx code, or no usable answer in time
 * (then the registered ResponseType decided).
 */
export type C2bValidationOutcome = "not-registered" | "disabled" | "accepted" | "rejected" | "no-answer"

/** Whether a confirmation went out: none without registered URLs, or dropped on purpose (a lost confirmation). */
export type C2bConfirmationState = "none" | "sent" | "dropped"

export interface C2bPayment {
  transId: string
  transactionType: C2bTransactionType
  /** The paybill or till the customer paid, as the confirmation's BusinessShortCode. */
  businessShortCode: string
  /** The account number; empty for Buy Goods. */
  billRefNumber: string
  amount: number
  /** The full MSISDN (simulator-side only: callbacks carry it masked). */
  msisdn: string
  firstName: string
  channel: C2bChannel
  /** For QR payments: the RequestID of the Dynamic QR that was scanned. */
  qrRequestId?: string
  at: number
  status: "validating" | "completed" | "rejected"
  validation?: C2bValidationOutcome
  /** The rejection code: C2B000xx from the ValidationURL, or "C2B00016" when ResponseType Cancelled applied. */
  resultCode?: string
  confirmation?: C2bConfirmationState
  /** How many confirmation POSTs were scheduled (duplicates and resends included). */
  confirmationCopies: number
}

export interface C2bPaymentFilter {
  /** Matches the paybill or till paid, or the store number a till belongs to (see `storeOf`). */
  shortCode?: string
  transId?: string
  billRefNumber?: string
  status?: C2bPayment["status"]
}

interface Waiter {
  filter: C2bPaymentFilter
  resolve: (payment: C2bPayment) => void
}

const MAX_PAYMENTS = 20_000

/** Every C2B payment attempt, completed or rejected, in the order they were made. */
export class C2bPaymentStore {
  private payments = new Map<string, C2bPayment>()
  private waiters: Waiter[] = []

  constructor(private readonly storeOf: (till: string) => string | undefined) {}

  add(payment: C2bPayment): void {
    this.payments.set(payment.transId, payment)
    if (this.payments.size > MAX_PAYMENTS) {
      const oldest = this.payments.keys().next().value as string
      this.payments.delete(oldest)
    }
  }

  get(transId: string): C2bPayment | undefined {
    return this.payments.get(transId)
  }

  has(transId: string): boolean {
    return this.payments.has(transId)
  }

  /** Marks a payment final (completed or rejected) and wakes the waiters it satisfies. */
  settle(transId: string, patch: Partial<C2bPayment>): C2bPayment | undefined {
    const payment = this.payments.get(transId)
    if (!payment) {
      return undefined
    }
    Object.assign(payment, patch)
    const woken = this.waiters.filter((w) => this.matches(payment, w.filter))
    this.waiters = this.waiters.filter((w) => !woken.includes(w))
    for (const w of woken) {
      w.resolve(payment)
    }
    return payment
  }

  list(filter: C2bPaymentFilter = {}): C2bPayment[] {
    return [...this.payments.values()].filter((p) => this.matches(p, filter))
  }

  /** The first final payment matching, now or when it settles. */
  wait(filter: C2bPaymentFilter): { promise: Promise<C2bPayment>; cancel: () => void } {
    const done = this.list(filter).find((p) => p.status !== "validating")
    if (done) {
      return { promise: Promise.resolve(done), cancel: () => undefined }
    }
    let waiter: Waiter | undefined
    const promise = new Promise<C2bPayment>((resolve) => {
      waiter = { filter: { ...filter }, resolve }
      this.waiters.push(waiter)
    })
    return { promise, cancel: () => (this.waiters = this.waiters.filter((w) => w !== waiter)) }
  }

  clear(): void {
    this.payments = new Map()
  }

  private matches(p: C2bPayment, f: C2bPaymentFilter): boolean {
    return (
      (f.shortCode === undefined ||
        p.businessShortCode === f.shortCode ||
        this.storeOf(p.businessShortCode) === f.shortCode) &&
      (f.transId === undefined || p.transId === f.transId) &&
      (f.billRefNumber === undefined || p.billRefNumber === f.billRefNumber) &&
      (f.status === undefined || p.status === f.status)
    )
  }
}
