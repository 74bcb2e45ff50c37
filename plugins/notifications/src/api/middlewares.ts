import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
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

/** A POST route whose body the schema validates (a 400 naming the field) before the handler runs. */
const postBody = (matcher: string, schema: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  matcher,
  methods: ["POST"],
  middlewares: [validateAndTransformBody(schema)],
})

export default defineMiddlewares({
  routes: [
    { matcher: "/admin/notification-log", methods: ["GET"], middlewares: [listQuery] },
    postBody("/admin/notification-templates/preview", AdminPreviewNotificationTemplate),
    postBody("/admin/notification-templates/:template/:locale", AdminSaveNotificationTemplate),
    postBody("/admin/customers/:id/notification-preferences", NotificationPreferencesBody),
    {
      matcher: "/store/customers/me/notification-preferences",
      methods: ["GET", "POST"],
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    postBody("/store/customers/me/notification-preferences", NotificationPreferencesBody),
  ],
})
