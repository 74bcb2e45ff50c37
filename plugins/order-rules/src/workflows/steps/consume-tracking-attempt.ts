import { createHash } from "node:crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_RULES_MODULE } from "../../modules/order-rules"
import type OrderRulesModuleService from "../../modules/order-rules/service"
import type { RateLimitResult } from "../../modules/order-rules/types"

export type ConsumeTrackingAttemptStepInput = {
  /** Who is asking (the client's IP address); stored only as a hash. */
  client_key: string
  display_id: number
  now?: Date
}

export const consumeTrackingAttemptStepId = "consume-tracking-attempt"

/**
 * Counts a tracking attempt per client address, in Postgres so all server
 * instances share the count. Every attempt counts, found or not, so the limit
 * itself reveals nothing. Deliberately not per order number: order numbers are
 * sequential, so a count any stranger can fill would let them lock an order's
 * tracking for its owner. The address is only trustworthy because the app
 * sets Express `trust proxy` to its real proxy hops. Not compensated: an
 * attempt was made.
 */
export const consumeTrackingAttemptStep = createStep(
  consumeTrackingAttemptStepId,
  async (input: ConsumeTrackingAttemptStepInput, { container }) => {
    const service = container.resolve<OrderRulesModuleService>(ORDER_RULES_MODULE)
    const { tracking } = service.getOptions()
    const client = createHash("sha256").update(input.client_key).digest("hex").slice(0, 32)
    const result = await service.consumeRateLimit({
      keys: [`track:client:${client}`],
      limit: tracking.maxAttempts,
      window_seconds: tracking.windowSeconds,
      now: input.now,
    })
    return new StepResponse<RateLimitResult>(result)
  }
)
