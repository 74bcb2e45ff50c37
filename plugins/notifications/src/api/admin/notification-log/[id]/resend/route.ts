import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type NotificationsModuleService from "../../../../../modules/notifications/service"
import { resendNotificationWorkflow } from "../../../../../workflows/resend-notification"
import { summarize } from "../../../../utils/serialize"

/** Sends a logged message again (as a new log entry linked to the original). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await resendNotificationWorkflow(req.scope).run({ input: { id: req.params.id } })
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const [row] = await service.listNotificationMessages({ id: result.id })
  res.status(201).json({ message: summarize(row as unknown as Record<string, unknown>), outcome: result.outcome })
}
