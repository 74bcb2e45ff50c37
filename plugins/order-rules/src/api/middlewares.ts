import {
  authenticate,
  defineMiddlewares,
  validateAndTransformBody,
  validateAndTransformQuery,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { GetAdminTimerRuns } from "./admin/order-rules/timer-runs/validators"
import { PostAdminOrderRules, PostAdminValidateOrderRules } from "./admin/order-rules/validators"
import { PostAdminOrderLifecycle } from "./admin/orders/[id]/lifecycle/validators"
import { GetStoreOrderLifecycles } from "./store/customers/me/order-lifecycles/validators"
import { PostStoreOrderTracking } from "./store/order-tracking/validators"

const customer = authenticate("customer", ["session", "bearer"])

/** A POST route whose body the schema validates (a 400 naming the field) before the handler runs. */
const postBody = (matcher: string, schema: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  matcher,
  methods: ["POST"],
  middlewares: [validateAndTransformBody(schema)],
})

export default defineMiddlewares({
  routes: [
    postBody("/admin/orders/:id/lifecycle", PostAdminOrderLifecycle),
    postBody("/admin/order-rules", PostAdminOrderRules),
    postBody("/admin/order-rules/validate", PostAdminValidateOrderRules),
    {
      matcher: "/admin/order-rules/timer-runs",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(GetAdminTimerRuns, { isList: true, defaults: [] })],
    },
    postBody("/store/order-tracking", PostStoreOrderTracking),
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
