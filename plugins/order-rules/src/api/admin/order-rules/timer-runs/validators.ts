import { z } from "@medusajs/framework/zod"

export const GetAdminTimerRuns = z.strictObject({
  timer: z.enum(["cancel-unpaid", "complete-delivered"]).optional(),
  /** Only runs that changed or failed something. */
  changed_only: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type GetAdminTimerRunsType = z.infer<typeof GetAdminTimerRuns>
