import { model } from "@medusajs/framework/utils"

export const C2B_REGISTRATION_STATUSES = ["registered", "failed"] as const

/**
 * The last attempt to register the shop's C2B confirmation/validation URLs
 * with Daraja, one row per shortcode: what the admin's registration status
 * shows, shared by every instance. Holds the URLs without their secret.
 * Kept for the migration snapshot; the service reads and writes it with SQL
 * (retrieveC2bRegistration, saveC2bRegistration).
 */
export const C2bRegistration = model.define("mpesa_c2b_registration", {
  id: model.id({ prefix: "mc2r" }).primaryKey(),
  shortcode: model.text().unique(),
  status: model.enum([...C2B_REGISTRATION_STATUSES]),
  /** Daraja's answer, or why it failed, in words. */
  detail: model.text().nullable(),
  /** The confirmation URL with its secret segment redacted. */
  confirmation_url: model.text().nullable(),
  response_type: model.text().nullable(),
  /** "admin" or "startup". */
  requested_by: model.text().nullable(),
  registered_at: model.dateTime().nullable(),
  attempted_at: model.dateTime(),
})
