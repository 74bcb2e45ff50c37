import { z } from "@medusajs/framework/zod"

/** Body of POST /admin/orders/:id/lifecycle. The actor comes from auth: any other key is refused. */
export const PostAdminOrderLifecycle = z.strictObject({
  status: z.string().trim().min(1).max(40),
  reason: z.string().trim().max(500).optional(),
  /** Or the Idempotency-Key header. Repeating a key returns the first result. */
  idempotency_key: z.string().trim().min(1).max(200).optional(),
})

export type PostAdminOrderLifecycleType = z.infer<typeof PostAdminOrderLifecycle>
