import { randomUUID } from "node:crypto"
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
    // An owner per run, so a run that outlived its lock never releases the next run's.
    const ownerId = `timer-run:${randomUUID()}`
    try {
      await locking.acquire(input.key, { expire: input.ttl_seconds, ownerId })
    } catch {
      return new StepResponse({ claimed: false, owner_id: null as string | null }, null)
    }
    return new StepResponse({ claimed: true, owner_id: ownerId as string | null }, { key: input.key, ownerId })
  },
  async (claim, { container }) => {
    if (!claim) {
      return
    }
    await container.resolve(Modules.LOCKING).release(claim.key, { ownerId: claim.ownerId })
  }
)
