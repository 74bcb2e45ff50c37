import { configureStoreSearch, defineMiddlewares } from "@medusajs/framework/http"
import { rateLimit, trustProxies } from "../lib/rate-limits/middleware"
import { readObservabilityEnv } from "../observability/config"
import { httpMetrics } from "../observability/http-metrics"
import { requestId } from "../observability/request-id"
import { verifyStripeSignature } from "./stripe-signature"

export default defineMiddlewares({
  routes: [
    // Every route: req.ip follows SOKO_TRUSTED_PROXIES, not Medusa's fixed one hop.
    { matcher: "/*", middlewares: [trustProxies] },
    // Every route: a checked x-request-id (echoed, logged, on the spans); latency per route when metrics are on.
    { matcher: "/*", middlewares: readObservabilityEnv(process.env).enabled ? [requestId, httpMetrics] : [requestId] },
    { matcher: "/auth/*", methods: ["POST"], middlewares: [rateLimit] },
    { matcher: "/store/*", methods: ["POST", "DELETE"], middlewares: [rateLimit] },
    // The catalog index (src/search/product.ts); Medusa narrows it to published products of the key's sales channel.
    { matcher: "/store/search", methods: ["POST"], middlewares: [configureStoreSearch({ allowed_indexes: { product: true } })] },
    {
      matcher: "/hooks/payment/stripe_stripe",
      methods: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyStripeSignature],
    },
  ],
})
