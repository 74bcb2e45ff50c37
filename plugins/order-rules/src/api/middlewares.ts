import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { GetAdminTimerRuns } from "./admin/order-rules/timer-runs/validators"
import { PostAdminOrderRules, PostAdminValidateOrderRules } from "./admin/order-rules/validators"
import { PostAdminOrderLifecycle } from "./admin/orders/[id]/lifecycle/validators"
import { GetStoreOrderLifecycles } from "./store/customers/me/order-lifecycles/validators"
import { PostStoreOrderTracking } from "./store/order-tracking/validators"

const customer = authenticate("customer", ["session", "bearer"])

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/orders/:id/lifecycle",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostAdminOrderLifecycle)],
    },
    {
      matcher: "/admin/order-rules",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostAdminOrderRules)],
    },
    {
      matcher: "/admin/order-rules/validate",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostAdminValidateOrderRules)],
    },
    {
      matcher: "/admin/order-rules/timer-runs",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(GetAdminTimerRuns, { isList: true, defaults: [] })],
    },
    {
      matcher: "/store/order-tracking",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(PostStoreOrderTracking)],
    },
    {
      matcher: "/store/customers/me/order-lifecycles",
      methods: ["GET"],
      middlewares: [customer, validateAndTransformQuery(GetStoreOrderLifecycles, { isList: true, defaults: [] })],
    },
    {
      matcher: "/store/customers/me/orders/:id/lifecycle",
      methods: ["GET"],
      middlewares: [customer],
    },
    {
      matcher: "/store/customers/me/orders/:id/lifecycle",
      methods: ["POST"],
      middlewares: [customer, validateAndTransformBody(PostAdminOrderLifecycle)],
    },
  ],
})
