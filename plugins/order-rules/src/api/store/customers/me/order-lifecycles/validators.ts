import { z } from "@medusajs/framework/zod"

export const GetStoreOrderLifecycles = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type GetStoreOrderLifecyclesType = z.infer<typeof GetStoreOrderLifecycles>
