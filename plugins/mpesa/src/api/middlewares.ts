import { authenticate, defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { mpesaPushGuard } from "../lib/push-guard"
import {
  AdminMpesaRefundBody,
  AdminMpesaResendBody,
  AdminMpesaResolveRefundBody,
  AdminMpesaReviewAttachBody,
  AdminMpesaReviewRefundBody,
} from "./admin/mpesa/validators"
import { StoreMpesaRetryBody } from "./store/mpesa/validators"

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
      matcher: "/store/mpesa/retry",
      methods: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreMpesaRetryBody),
      ],
    },
    {
      matcher: "/admin/orders/:id/mpesa/resend",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMpesaResendBody)],
    },
    {
      matcher: "/admin/orders/:id/mpesa/refund",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMpesaRefundBody)],
    },
    {
      matcher: "/admin/mpesa/refunds/:id/resolve",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMpesaResolveRefundBody)],
    },
    {
      matcher: "/admin/mpesa/review/:id/attach",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMpesaReviewAttachBody)],
    },
    {
      matcher: "/admin/mpesa/review/:id/refund",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminMpesaReviewRefundBody)],
    },
    {
      // Daraja's callbacks are small; anything large is not one of them.
      matcher: "/hooks/daraja/*",
      bodyParser: { sizeLimit: "64kb" },
    },
  ],
})
