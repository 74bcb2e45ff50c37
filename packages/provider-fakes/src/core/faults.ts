/**
 * What a fake does instead of answering normally: an HTTP error the real API
 * would send, a dropped connection, or a slow answer. Faults are consumed in
 * order (failNext), then drawn at a rate from a seeded generator so a run
 * that "fails half its requests" fails the same requests every time.
 */

export type Fault =
  /** Answer with this status and the provider's own error body. */
  | { kind: "status"; status: number }
  /** Close the connection without answering (clients see ECONNRESET). */
  | { kind: "reset" }

export type FaultSettings = {
  /** Share of requests that fail, 0..1 (after queued faults are used up). */
  failureRate?: number
  /** Seed of the generator that picks which requests fail. */
  seed?: number
  /** The fault used for rate-based failures (default 503). */
  fault?: Fault
  /** Extra time before every answer, in milliseconds. */
  latencyMs?: number
}

/** mulberry32: small, fast, good enough to pick failing requests reproducibly. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const DEFAULT_FAULT: Fault = { kind: "status", status: 503 }

export class Faults {
  private queue: Fault[] = []
  private rate = 0
  private rateFault: Fault = DEFAULT_FAULT
  private random = generator(1)
  latencyMs = 0

  /** The next `count` requests fail with `fault` (default 503). */
  failNext(count = 1, fault: Fault = DEFAULT_FAULT): void {
    for (let i = 0; i < count; i++) {
      this.queue.push(fault)
    }
  }

  set(settings: FaultSettings): void {
    if (settings.failureRate !== undefined) {
      if (!(settings.failureRate >= 0 && settings.failureRate <= 1)) {
        throw new RangeError("failureRate must be between 0 and 1")
      }
      this.rate = settings.failureRate
    }
    if (settings.seed !== undefined) {
      this.random = generator(settings.seed)
    }
    if (settings.fault) {
      this.rateFault = settings.fault
    }
    if (settings.latencyMs !== undefined) {
      this.latencyMs = Math.max(0, settings.latencyMs)
    }
  }

  clear(): void {
    this.queue = []
    this.rate = 0
    this.rateFault = DEFAULT_FAULT
    this.random = generator(1)
    this.latencyMs = 0
  }

  /** Decides the fate of one request. */
  next(): Fault | undefined {
    const queued = this.queue.shift()
    if (queued) {
      return queued
    }
    if (this.rate > 0 && this.random() < this.rate) {
      return this.rateFault
    }
    return undefined
  }
}
