import type { MedusaContainer } from "@medusajs/framework/types"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"

export type PushLimitResult = { ok: true } | { ok: false; message: string }

const HOUR_MS = 60 * 60 * 1000

/**
 * Counts prompts already requested in the last hour for the phone and for
 * the cart's payment collection (stored in Postgres, so every instance sees
 * the same counts), then records this one if it is allowed.
 */
export async function takePushSlot(
  container: MedusaContainer,
  input: { phone: string; payment_collection_id: string; client_key?: string },
  limits: { perPhone: number; perCart: number },
  now = new Date()
): Promise<PushLimitResult> {
  const mpesa = container.resolve<MpesaModuleService>(MPESA_MODULE)
  const since = new Date(now.getTime() - HOUR_MS)
  const [, byPhone] = await mpesa.listAndCountPushAttempts(
    { phone: input.phone, created_at: { $gte: since } },
    { take: 1 }
  )
  if (byPhone >= limits.perPhone) {
    return {
      ok: false,
      message: `Too many M-Pesa prompts were sent to this phone in the last hour (limit ${limits.perPhone}). Please wait and try again later.`,
    }
  }
  const [, byCart] = await mpesa.listAndCountPushAttempts(
    { payment_collection_id: input.payment_collection_id, created_at: { $gte: since } },
    { take: 1 }
  )
  if (byCart >= limits.perCart) {
    return {
      ok: false,
      message: `Too many M-Pesa prompts were requested for this order in the last hour (limit ${limits.perCart}). Please wait and try again later.`,
    }
  }
  await mpesa.createPushAttempts({
    phone: input.phone,
    payment_collection_id: input.payment_collection_id,
    client_key: input.client_key ?? null,
  })
  return { ok: true }
}
