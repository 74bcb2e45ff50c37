import type { ClientRequest } from "node:http"

/**
 * Owns every timer and outgoing request the simulator starts, so `stop()` can
 * cancel them all and jest sees no open handles.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly sleepers = new Set<() => void>()
  private readonly requests = new Set<ClientRequest>()
  private stopped = false
  private cancellations = 0

  get isStopped(): boolean {
    return this.stopped
  }

  /**
   * Bumped by every cancelAll: work that awaits across it (a callback between
   * its retries) compares it to know it belongs to a world that was reset.
   */
  get generation(): number {
    return this.cancellations
  }

  after(ms: number, fn: () => void): void {
    if (this.stopped) {
      return
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, Math.max(0, ms))
    this.timers.add(timer)
  }

  /** Resolves after `ms`, or early when the simulator stops (callers check `isStopped`). */
  sleep(ms: number): Promise<void> {
    if (this.stopped || ms <= 0) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = (): void => {
        this.sleepers.delete(done)
        resolve()
      }
      this.sleepers.add(done)
      this.after(ms, done)
    })
  }

  track(request: ClientRequest): void {
    this.requests.add(request)
    request.once("close", () => this.requests.delete(request))
  }

  /** Cancels pending work but keeps the scheduler usable (used by reset). */
  cancelAll(): void {
    this.cancellations += 1
    for (const timer of this.timers) {
      clearTimeout(timer)
    }
    this.timers.clear()
    for (const wake of [...this.sleepers]) {
      wake()
    }
    for (const request of this.requests) {
      request.destroy()
    }
    this.requests.clear()
  }

  stop(): void {
    this.stopped = true
    this.cancelAll()
  }
}
