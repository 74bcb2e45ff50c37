import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)
const oneOf = (v: { order_id?: string; cart_id?: string }) => !!v.order_id !== !!v.cart_id
const ONE_OF_MESSAGE = "Give either order_id or cart_id"

export const StoreMpesaStatusQuery = z
  .object({ order_id: id.optional(), cart_id: id.optional() })
  .strict()
  .refine(oneOf, { error: ONE_OF_MESSAGE })
export type StoreMpesaStatusQueryType = z.infer<typeof StoreMpesaStatusQuery>

export const StoreMpesaRetryBody = z
  .object({ order_id: id.optional(), cart_id: id.optional(), phone: z.string().trim().min(1).max(32).optional() })
  .strict()
  .refine(oneOf, { error: ONE_OF_MESSAGE })
export type StoreMpesaRetryBodyType = z.infer<typeof StoreMpesaRetryBody>
