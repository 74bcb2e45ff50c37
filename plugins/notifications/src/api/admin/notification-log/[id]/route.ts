import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { INotificationModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { SOKO_NOTIFICATIONS_MODULE } from "../../../../modules/notifications"
import type NotificationsModuleService from "../../../../modules/notifications/service"
import { attemptKey } from "../../../../workflows/utils/backoff"
import { detail } from "../../../utils/serialize"

/** One message with its rendered bodies, its data, and Medusa's record of each attempt. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<NotificationsModuleService>(SOKO_NOTIFICATIONS_MODULE)
  const [row] = await service.listNotificationMessages({ id: req.params.id })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Notification message ${req.params.id} was not found`)
  }
  const keys = Array.from({ length: row.attempts }, (_, i) => attemptKey(row.idempotency_key, i + 1))
  const notifications = req.scope.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const attempts = keys.length
    ? await notifications.listNotifications({ idempotency_key: keys } as never, {
        select: ["id", "status", "provider_id", "external_id", "created_at", "idempotency_key"] as never,
        order: { created_at: "ASC" },
      })
    : []
  const resends = await service.listNotificationMessages(
    { resent_from_id: row.resent_from_id ?? row.id },
    { select: ["id", "status", "created_at"], order: { created_at: "ASC" } }
  )
  res.json({
    message: {
      ...detail(row as unknown as Record<string, unknown>),
      attempts_log: attempts,
      resends: resends.filter((r) => r.id !== row.id),
    },
  })
}
