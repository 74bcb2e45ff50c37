import { defineMiddlewares } from "@medusajs/framework/http"
import { rateLimit, trustProxies } from "../lib/rate-limits/middleware"
import { verifyStripeSignature } from "./stripe-signature"

export default defineMiddlewares({
  routes: [
    // Every route: req.ip follows SOKO_TRUSTED_PROXIES, not Medusa's fixed one hop.
    { matcher: "/*", middlewares: [trustProxies] },
    { matcher: "/auth/*", methods: ["POST"], middlewares: [rateLimit] },
    { matcher: "/store/*", methods: ["POST", "DELETE"], middlewares: [rateLimit] },
    {
      matcher: "/hooks/payment/stripe_stripe",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStripeSignature],
    },
  ],
})
