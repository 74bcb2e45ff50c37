import { b2cPayment } from "./endpoints/b2c"
import { c2bRegister, c2bSimulate } from "./endpoints/c2b"
import { oauth } from "./endpoints/oauth"
import { pullQuery, pullRegister } from "./endpoints/pull-transactions"
import { qrCodeGenerate } from "./endpoints/qr-code"
import { reversal } from "./endpoints/reversal"
import { stkPush } from "./endpoints/stk-push"
import { stkQuery } from "./endpoints/stk-query"
import { transactionStatus } from "./endpoints/transaction-status"
import type { EndpointHandler } from "./endpoints/types"
import type { EndpointName } from "./state/overrides"

export interface DarajaRoute {
  endpoint: EndpointName
  method: "GET" | "POST"
  handler: EndpointHandler
}

/** Daraja's paths, identical on sandbox and production hosts. */
export const DARAJA_ROUTES: Readonly<Record<string, DarajaRoute>> = {
  "/oauth/v1/generate": { endpoint: "oauth", method: "GET", handler: oauth },
  "/mpesa/stkpush/v1/processrequest": { endpoint: "stkpush", method: "POST", handler: stkPush },
  "/mpesa/stkpushquery/v1/query": { endpoint: "stkquery", method: "POST", handler: stkQuery },
  "/mpesa/reversal/v1/request": { endpoint: "reversal", method: "POST", handler: reversal },
  "/mpesa/b2c/v3/paymentrequest": { endpoint: "b2c", method: "POST", handler: b2cPayment },
  "/mpesa/transactionstatus/v1/query": {
    endpoint: "transactionstatus",
    method: "POST",
    handler: transactionStatus,
  },
  "/mpesa/c2b/v1/registerurl": { endpoint: "c2b-register", method: "POST", handler: c2bRegister },
  "/mpesa/c2b/v2/registerurl": { endpoint: "c2b-register", method: "POST", handler: c2bRegister },
  "/mpesa/c2b/v1/simulate": { endpoint: "c2b-simulate", method: "POST", handler: c2bSimulate },
  "/mpesa/c2b/v2/simulate": { endpoint: "c2b-simulate", method: "POST", handler: c2bSimulate },
  "/mpesa/qrcode/v1/generate": { endpoint: "qrcode", method: "POST", handler: qrCodeGenerate },
  "/pulltransactions/v1/register": { endpoint: "pull-register", method: "POST", handler: pullRegister },
  "/pulltransactions/v1/query": { endpoint: "pull-query", method: "POST", handler: pullQuery },
}

/** Trailing slashes are tolerated: `/oauth/v1/generate/` is the same resource. */
export const findDarajaRoute = (path: string): DarajaRoute | undefined =>
  DARAJA_ROUTES[path.length > 1 ? path.replace(/\/+$/, "") : path]
