import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../../modules/notifications"
import type NotificationsModuleService from "../../../../../modules/notifications/service"
import { summarize } from "../../../../utils/serialize"

/** Every message about one order, oldest first (the order page widget). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const rows = await service.listNotificationMessages(
    { order_id: req.params.id },
    { order: { created_at: "ASC" }, take: 200 }
  )
  res.json({ messages: rows.map((row) => summarize(row as unknown as Record<string, unknown>)), count: rows.length })
}
