import { defineMiddlewares } from "@medusajs/framework/http"
import { verifyStripeSignature } from "./stripe-signature"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/hooks/payment/stripe_stripe",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStripeSignature],
    },
  ],
})
