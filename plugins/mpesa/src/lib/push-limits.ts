import type { MedusaContainer } from "@medusajs/framework/types"
import { RateLimiterRes } from "rate-limiter-flexible"
import { type PushLimitKind, pushLimitMessage, retryAfterSeconds } from "../utils/push-limit-rules"
import { forgetPushLimiters, isMissingTable, pushLimiter } from "./push-limiter-store"

export type PushLimits = { perPhone: number; perCart: number; perClient: number }

export type PushKeys = { phone: string; payment_collection_id: string; client_key?: string }

export type PushReservation =
  | { ok: true; release: () => Promise<void> }
  | { ok: false; kind: PushLimitKind; message: string; retryAfter: number }

type Taken = { limiter: Awaited<ReturnType<typeof pushLimiter>>; key: string }

async function giveBack(taken: Taken[]) {
  await Promise.all(taken.map(({ limiter, key }) => limiter.reward(key, 1).catch(() => undefined)))
}

/**
 * Reserves one prompt against the phone, the cart's payment collection and
 * the client address, each an atomic counter (Redis or Postgres, shared by
 * every instance). Concurrent callers can never get past a limit: the counter
 * is incremented first and checked after. A push Daraja does not accept must
 * not cost the shopper a slot, so the caller calls `release()` when it fails,
 * and a refused reservation gives back what it took at once.
 */
export async function reservePushSlots(
  container: MedusaContainer,
  keys: PushKeys,
  limits: PushLimits
): Promise<PushReservation> {
  try {
    return await reserve(container, keys, limits)
  } catch (error) {
    if (!isMissingTable(error)) {
      throw error
    }
    forgetPushLimiters(container)
    return reserve(container, keys, limits)
  }
}

async function reserve(container: MedusaContainer, keys: PushKeys, limits: PushLimits): Promise<PushReservation> {
  const wanted: [PushLimitKind, string | undefined, number][] = [
    ["phone", keys.phone, limits.perPhone],
    ["cart", keys.payment_collection_id, limits.perCart],
    ["client", keys.client_key, limits.perClient],
  ]
  const taken: Taken[] = []
  for (const [kind, key, points] of wanted) {
    if (!key) {
      continue
    }
    const limiter = await pushLimiter(container, kind, points)
    try {
      await limiter.consume(key, 1)
      taken.push({ limiter, key })
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        await giveBack(taken)
        throw error
      }
      // Refused: the count this attempt added goes back too, so slots freed
      // by failed pushes can be used again within the hour.
      await giveBack([...taken, { limiter, key }])
      const retryAfter = retryAfterSeconds(error.msBeforeNext)
      return { ok: false, kind, retryAfter, message: pushLimitMessage(kind, points, retryAfter) }
    }
  }
  let released = false
  return {
    ok: true,
    release: async () => {
      if (!released) {
        released = true
        await giveBack(taken)
      }
    },
  }
}
