export type CallbackKind =
  | "stk"
  | "reversal"
  | "b2c"
  | "transaction-status"
  | "c2b-validation"
  | "c2b-confirmation"

export interface CallbackAttempt {
  at: number
  /** HTTP status of the receiver's answer; absent when the connection failed. */
  status?: number
  error?: string
  response?: string
}

export interface CallbackRecord {
  id: string
  kind: CallbackKind
  url: string
  body: unknown
  checkoutRequestId?: string
  conversationId?: string
  originatorConversationId?: string
  transId?: string
  /** 1 for the first POST, 2+ for injected duplicates. */
  copy: number
  status: "scheduled" | "delivering" | "delivered" | "failed"
  createdAt: number
  attempts: CallbackAttempt[]
}

export interface CallbackFilter {
  kind?: CallbackKind
  checkoutRequestId?: string
  /** Matches ConversationID or OriginatorConversationID. */
  conversationId?: string
  transId?: string
}

interface Waiter {
  filter: CallbackFilter
  resolve: (record: CallbackRecord) => void
}

export const matchesCallback = (r: CallbackRecord, f: CallbackFilter): boolean =>
  (f.kind === undefined || r.kind === f.kind) &&
  (f.checkoutRequestId === undefined || r.checkoutRequestId === f.checkoutRequestId) &&
  (f.conversationId === undefined ||
    r.conversationId === f.conversationId ||
    r.originatorConversationId === f.conversationId) &&
  (f.transId === undefined || r.transId === f.transId)

const isFinal = (r: CallbackRecord): boolean => r.status === "delivered" || r.status === "failed"

const MAX_RECORDS = 5_000

/** Every callback the simulator sends, with its attempts, plus waiters for tests. */
export class CallbackStore {
  private records: CallbackRecord[] = []
  private waiters: Waiter[] = []
  private seq = 0

  create(record: Omit<CallbackRecord, "id" | "status" | "attempts">): CallbackRecord {
    const full: CallbackRecord = {
      ...record,
      id: `cb_${++this.seq}`,
      status: "scheduled",
      attempts: [],
    }
    this.records.push(full)
    if (this.records.length > MAX_RECORDS * 2) {
      this.records = this.records.slice(-MAX_RECORDS)
    }
    return full
  }

  /** Called when a record reaches delivered/failed: wakes the waiters it satisfies. */
  finished(record: CallbackRecord): void {
    const [woken, waiting] = partition(this.waiters, (w) => matchesCallback(record, w.filter))
    this.waiters = waiting
    for (const w of woken) {
      w.resolve(record)
    }
  }

  list(filter: CallbackFilter = {}): CallbackRecord[] {
    return this.records.filter((r) => matchesCallback(r, filter))
  }

  /** The first finished (delivered or failed) callback matching, now or when it finishes. */
  wait(filter: CallbackFilter): { promise: Promise<CallbackRecord>; cancel: () => void } {
    const done = this.records.find((r) => isFinal(r) && matchesCallback(r, filter))
    if (done) {
      return { promise: Promise.resolve(done), cancel: () => undefined }
    }
    let waiter: Waiter | undefined
    const promise = new Promise<CallbackRecord>((resolve) => {
      waiter = { filter, resolve }
      this.waiters.push(waiter)
    })
    return {
      promise,
      cancel: () => {
        this.waiters = this.waiters.filter((w) => w !== waiter)
      },
    }
  }

  clear(): void {
    this.records = []
  }
}

const partition = <T>(items: T[], test: (item: T) => boolean): [T[], T[]] => {
  const yes: T[] = []
  const no: T[] = []
  for (const item of items) {
    ;(test(item) ? yes : no).push(item)
  }
  return [yes, no]
}
