import { randomUUID } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Daraja allows one open prompt per phone; two pushes racing each other get
 * 500.001.1001. Serialise them: whoever holds the phone's lock pushes, a
 * concurrent caller is told to wait (undefined) instead of queueing.
 */
export async function withPhoneLock<T>(
  container: MedusaContainer,
  msisdn: string,
  job: () => Promise<T>
): Promise<T | undefined> {
  const locking = container.resolve(Modules.LOCKING)
  const key = `mpesa-phone:${msisdn}`
  const ownerId = randomUUID()
  try {
    await locking.acquire(key, { ownerId, expire: 30 })
  } catch {
    return undefined
  }
  try {
    return await job()
  } finally {
    await locking.release(key, { ownerId })
  }
}
