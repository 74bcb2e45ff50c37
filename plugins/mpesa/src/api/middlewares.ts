import { authenticate, defineMiddlewares, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { mpesaPushGuard } from "../lib/push-guard"
import {
  AdminMpesaC2bAttachBody,
  AdminMpesaRefundBody,
  AdminMpesaResendBody,
  AdminMpesaResolveRefundBody,
  AdminMpesaReviewAttachBody,
  AdminMpesaReviewRefundBody,
} from "./admin/mpesa/validators"
import { StoreMpesaRetryBody } from "./store/mpesa/validators"

/** A POST route whose body the schema validates (a 400 naming the field) before the handler runs. */
const postBody = (matcher: string, schema: Parameters<typeof validateAndTransformBody>[0]): MiddlewareRoute => ({
  matcher,
  methods: ["POST"],
  middlewares: [validateAndTransformBody(schema)],
})

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      methods: ["POST"],
      middlewares: [mpesaPushGuard],
    },
    {
      // Optional sign-in: the order's customer is one of the holders (lib/order-link).
      matcher: "/store/mpesa/status",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/mpesa/c2b",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/mpesa/c2b/qr",
      methods: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    },
    {
      matcher: "/store/mpesa/retry",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreMpesaRetryBody),
      ],
    },
    postBody("/admin/orders/:id/mpesa/resend", AdminMpesaResendBody),
    postBody("/admin/orders/:id/mpesa/refund", AdminMpesaRefundBody),
    postBody("/admin/mpesa/refunds/:id/resolve", AdminMpesaResolveRefundBody),
    postBody("/admin/mpesa/review/:id/attach", AdminMpesaReviewAttachBody),
    postBody("/admin/mpesa/review/:id/refund", AdminMpesaReviewRefundBody),
    postBody("/admin/mpesa/c2b/payments/:id/attach", AdminMpesaC2bAttachBody),
    postBody("/admin/mpesa/c2b/payments/:id/refund", AdminMpesaReviewRefundBody),
    {
      // Daraja's callbacks are small; anything large is not one of them.
      matcher: "/hooks/daraja/*",
      bodyParser: { sizeLimit: "64kb" },
    },
  ],
})
