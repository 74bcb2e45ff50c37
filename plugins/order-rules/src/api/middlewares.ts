import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { PostAdminOrderLifecycle } from "./admin/orders/[id]/lifecycle/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/orders/:id/lifecycle",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostAdminOrderLifecycle)],
    },
  ],
})
