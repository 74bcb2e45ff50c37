import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import {
  AdminListNotificationLog,
  AdminPreviewNotificationTemplate,
  AdminSaveNotificationTemplate,
  NotificationPreferencesBody,
} from "./validators"

const listQuery = validateAndTransformQuery(AdminListNotificationLog, {
  defaults: [],
  isList: true,
})

export default defineMiddlewares({
  routes: [
    { matcher: "/admin/notification-log", methods: ["GET"], middlewares: [listQuery] },
    {
      matcher: "/admin/notification-templates/preview",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminPreviewNotificationTemplate)],
    },
    {
      matcher: "/admin/notification-templates/:template/:locale",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveNotificationTemplate)],
    },
    {
      matcher: "/admin/customers/:id/notification-preferences",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(NotificationPreferencesBody)],
    },
    {
      matcher: "/store/customers/me/notification-preferences",
      methods: ["GET", "POST"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/store/customers/me/notification-preferences",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(NotificationPreferencesBody)],
    },
  ],
})
