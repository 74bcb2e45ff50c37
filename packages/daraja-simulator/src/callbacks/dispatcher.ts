import type { Logger } from "../logger"
import type { Scheduler } from "../scheduler"
import { postJson, PostResult } from "./post"
import type { CallbackRecord, CallbackStore } from "./store"

export interface DeliverySettings {
  /** Extra attempts after the first fails (non-2xx or no answer). */
  callbackRetries: number
  /** Wait before retry n is `callbackRetryDelayMs * 2^(n-1)`. */
  callbackRetryDelayMs: number
  callbackTimeoutMs: number
}

export type CallbackInput = Omit<CallbackRecord, "id" | "status" | "attempts" | "createdAt">

export interface DispatcherDeps {
  store: CallbackStore
  scheduler: Scheduler
  logger: Logger
  now: () => number
  settings: () => DeliverySettings
}

/** Sends callbacks: delayed, retried a bounded number of times, every attempt recorded. */
export class CallbackDispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** Fire-and-forget delivery after `delayMs`. `payload` is the exact wire text. */
  send(input: CallbackInput, payload: string, delayMs: number): CallbackRecord {
    const record = this.deps.store.create({ ...input, createdAt: this.deps.now() })
    this.deps.scheduler.after(delayMs, () => {
      void this.deliver(record, payload)
    })
    return record
  }

  /**
   * One synchronous-style call whose answer matters (C2B validation): a single
   * attempt, recorded like any callback; undefined when the receiver did not answer.
   */
  async call(input: CallbackInput, payload: string, timeoutMs: number): Promise<PostResult | undefined> {
    const record = this.deps.store.create({ ...input, createdAt: this.deps.now() })
    const result = await this.attempt(record, payload, timeoutMs)
    record.status = result && isOk(result.status) ? "delivered" : "failed"
    this.deps.store.finished(record)
    return result
  }

  private async deliver(record: CallbackRecord, payload: string): Promise<void> {
    const { callbackRetries, callbackRetryDelayMs, callbackTimeoutMs } = this.deps.settings()
    const generation = this.deps.scheduler.generation
    for (let attempt = 0; attempt <= callbackRetries; attempt++) {
      if (attempt > 0) {
        await this.deps.scheduler.sleep(callbackRetryDelayMs * 2 ** (attempt - 1))
      }
      // Stopped, or reset while an attempt was in flight: the callback belongs to a forgotten world.
      if (this.deps.scheduler.isStopped || this.deps.scheduler.generation !== generation) {
        return
      }
      const result = await this.attempt(record, payload, callbackTimeoutMs)
      if (result && isOk(result.status)) {
        record.status = "delivered"
        this.deps.store.finished(record)
        return
      }
    }
    record.status = "failed"
    this.deps.logger.warn(
      `callback ${record.kind} to ${record.url} failed after ${record.attempts.length} attempts`
    )
    this.deps.store.finished(record)
  }

  private async attempt(
    record: CallbackRecord,
    payload: string,
    timeoutMs: number
  ): Promise<PostResult | undefined> {
    record.status = "delivering"
    const at = this.deps.now()
    try {
      const result = await postJson(record.url, payload, timeoutMs, this.deps.scheduler)
      record.attempts.push({ at, status: result.status, response: result.body })
      this.deps.logger.info(`callback ${record.kind} -> ${record.url} ${result.status}`)
      return result
    } catch (error) {
      record.attempts.push({ at, error: (error as Error).message })
      return undefined
    }
  }
}

const isOk = (status: number): boolean => status >= 200 && status < 300
