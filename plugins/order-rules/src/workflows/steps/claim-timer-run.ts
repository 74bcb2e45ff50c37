import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ClaimTimerRunStepInput = { key: string; ttl_seconds: number }

export const claimTimerRunStepId = "claim-timer-run"

/**
 * Takes the timer's lock without waiting. With several workers (Redis locking),
 * only one run proceeds; the others see `claimed: false` and stop quietly.
 */
export const claimTimerRunStep = createStep(
  claimTimerRunStepId,
  async (input: ClaimTimerRunStepInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    try {
      await locking.acquire(input.key, { expire: input.ttl_seconds })
    } catch {
      return new StepResponse({ claimed: false }, null)
    }
    return new StepResponse({ claimed: true }, input.key)
  },
  async (key, { container }) => {
    if (!key) {
      return
    }
    await container.resolve(Modules.LOCKING).release(key)
  }
)
