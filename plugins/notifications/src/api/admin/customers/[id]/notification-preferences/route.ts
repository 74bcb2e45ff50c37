import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type NotificationsModuleService from "../../../../../modules/notifications/service"
import { updateNotificationPreferencesWorkflow } from "../../../../../workflows/update-notification-preferences"
import type { NotificationPreferencesBodyType } from "../../../../validators"
import { preferencesOf } from "../../../../utils/preferences"

/** A customer's notification preferences (defaults when none were saved). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  res.json({ notification_preferences: await preferencesOf(service, req.params.id) })
}

/** Sets a customer's SMS/email opt-outs and language. */
export async function POST(req: AuthenticatedMedusaRequest<NotificationPreferencesBodyType>, res: MedusaResponse) {
  await updateNotificationPreferencesWorkflow(req.scope).run({ input: { customer_id: req.params.id, ...req.validatedBody } })
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  res.json({ notification_preferences: await preferencesOf(service, req.params.id) })
}
