import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type NotificationsModuleService from "../../../../../modules/notifications/service"
import { updateNotificationPreferencesWorkflow } from "../../../../../workflows/update-notification-preferences"
import type { NotificationPreferencesBodyType } from "../../../../validators"
import { preferencesOf } from "../../../../utils/preferences"

/** The logged-in customer's notification preferences. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  res.json({ notification_preferences: await preferencesOf(service, req.auth_context.actor_id) })
}

/** Lets customers stop SMS (or email) and choose English or Swahili. */
export async function POST(req: AuthenticatedMedusaRequest<NotificationPreferencesBodyType>, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  await updateNotificationPreferencesWorkflow(req.scope).run({ input: { customer_id: customerId, ...req.validatedBody } })
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  res.json({ notification_preferences: await preferencesOf(service, customerId) })
}
