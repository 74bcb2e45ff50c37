import { z } from "@medusajs/framework/zod"

/**
 * Medusa ids are letters, digits and underscores (`order_01J…`). Checking the
 * shape here turns junk (control characters, NUL, quotes) into a 400 the
 * caller can act on, before it reaches the database.
 */
const id = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: `${name} must be an id like ${name === "cart_id" ? "cart_01…" : "order_01…"}` })

/** The order-link token (base64url HMAC); the same shape check, for the same reason. */
const token = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, { error: "token must be the one from the order page link" })

/** Phone as typed: printable text only; the Kenyan-number rules come after, with their own message. */
const phone = z
  .string()
  .trim()
  .min(1)
  .max(32)
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "phone must be a phone number like 0712345678" })

const oneOf = (v: { order_id?: string; cart_id?: string }) => !!v.order_id !== !!v.cart_id
const ONE_OF_MESSAGE = "Give either order_id or cart_id"

export const StoreMpesaStatusQuery = z
  .object({ order_id: id("order_id").optional(), cart_id: id("cart_id").optional(), token: token.optional() })
  .strict()
  .refine(oneOf, { error: ONE_OF_MESSAGE })
export type StoreMpesaStatusQueryType = z.infer<typeof StoreMpesaStatusQuery>

export const StoreMpesaRetryBody = z
  .object({
    order_id: id("order_id").optional(),
    cart_id: id("cart_id").optional(),
    token: token.optional(),
    phone: phone.optional(),
  })
  .strict()
  .refine(oneOf, { error: ONE_OF_MESSAGE })
export type StoreMpesaRetryBodyType = z.infer<typeof StoreMpesaRetryBody>
