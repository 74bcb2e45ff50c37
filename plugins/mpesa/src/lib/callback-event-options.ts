import { EventPriority } from "@medusajs/framework/utils"

/**
 * Job options for the events a Daraja callback starts. Safaricom sends a
 * callback once, so losing its event loses the payment until reconciliation.
 * Medusa's Redis event bus gives a job one attempt unless asked for more; a
 * settle that fails for a reason that passes (the lock a worker held when it
 * was killed, held until its TTL lapses; a dropped database connection) must
 * run again. Six attempts ten seconds apart outlast the settle lock's TTL plus
 * its wait. Subscribers that already succeeded are not run again, and the
 * in-memory event bus ignores these options.
 *
 * A shopper is watching the "check your phone" page while this waits in the
 * queue, so it goes with Medusa's critical events (order.placed), ahead of
 * notifications and other default-priority work.
 */
export const CALLBACK_EVENT_OPTIONS = {
  attempts: 6,
  backoff: { type: "fixed", delay: 10_000 },
  priority: EventPriority.CRITICAL,
} as const
