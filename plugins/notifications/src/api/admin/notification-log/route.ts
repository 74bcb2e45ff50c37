import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../modules/notifications"
import type NotificationsModuleService from "../../../modules/notifications/service"
import { summarize } from "../../utils/serialize"
import type { AdminListNotificationLogType } from "../../validators"

/** The notification log, newest first, filtered by order, customer, channel, status, template or recipient. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminListNotificationLogType>, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const query = req.validatedQuery as AdminListNotificationLogType
  const filters: Record<string, unknown> = {}
  if (query.order_id) {
    filters.order_id = query.order_id
  }
  if (query.customer_id) {
    filters.customer_id = query.customer_id
  }
  for (const key of ["channel", "status", "template"] as const) {
    if (query[key]?.length) {
      filters[key] = query[key]
    }
  }
  if (query.q) {
    filters.to = { $ilike: `%${query.q.replace(/[%_\\]/g, "\\$&")}%` }
  }
  const [rows, count] = await service.listAndCountNotificationMessages(filters, {
    order: { created_at: "DESC" },
    take: query.limit,
    skip: query.offset,
  })
  res.json({
    messages: rows.map((row) => summarize(row as unknown as Record<string, unknown>)),
    count,
    limit: query.limit,
    offset: query.offset,
  })
}
