import { z } from "@medusajs/framework/zod"

/** Body of POST /store/order-tracking: the order number (as shown to the shopper, "#1001" or 1001) and the email. */
export const PostStoreOrderTracking = z.strictObject({
  display_id: z.union([
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    z
      .string()
      .trim()
      .regex(/^#?\d{1,15}$/, "must be an order number such as 1001 or #1001")
      .transform((value) => Number(value.replace("#", ""))),
  ]),
  email: z.string().trim().max(320).email(),
})

export type PostStoreOrderTrackingType = z.infer<typeof PostStoreOrderTracking>
