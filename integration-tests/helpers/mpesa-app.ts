import type { MedusaContainer } from "@medusajs/framework/types"
import { startDarajaSimulator } from "@soko/daraja-simulator"
import { sessionCheckoutId } from "@soko/medusa-plugin-mpesa/lib/session-phone"
import { freePort } from "../../scripts/lib/ports"
import { useLocalServer } from "./local-server"
import { eventually } from "./store-checkout"

export type Simulator = Awaited<ReturnType<typeof startDarajaSimulator>>

/**
 * Starts the Daraja simulator and points the app's M-Pesa env at it. Call at
 * the top of a spec, before medusaIntegrationTestRunner: the app reads
 * medusa-config when it boots (in the runner's beforeAll), so the simulator
 * and its env must exist first. Returns a getter for the running simulator.
 */
export function useDarajaSimulator(env: Record<string, string> = {}): () => Simulator {
  const simulator = useLocalServer("Daraja simulator", async () => {
    const server = await startDarajaSimulator({ port: 0, callbackDelayMs: 50, ruleLimitWindowMs: 0, callbackRetries: 1, callbackRetryDelayMs: 100 })
    const port = await freePort()
    return {
      server,
      env: {
        MPESA_BASE_URL: server.url,
        PORT: String(port),
        MPESA_CALLBACK_URL: `http://localhost:${port}`,
        // Long enough that the every-minute reconciliation job never settles a
        // test's push behind its back; reconciliation tests pass their own clock.
        MPESA_RECONCILE_AFTER_SECONDS: "3600",
        MPESA_MAX_PUSHES_PER_PHONE_PER_HOUR: "50",
        ...env,
      },
    }
  })
  // Reset when a test ends, not only when the next begins: Medusa's runner restores the database
  // in its own beforeEach, before the spec's. A callback still in flight then (the last push's
  // result) failed against the restore, and its retry landed in the next test's fresh database.
  afterEach(() => simulator().reset())
  return simulator
}

/** The STK callback Daraja sends for a paid prompt, as JSON (for replays and forgeries). */
export function paidStkCallback(input: {
  merchantRequestId: string
  checkoutRequestId: string
  amount: number
  receipt: string
  phone?: number
}) {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: input.merchantRequestId,
        CheckoutRequestID: input.checkoutRequestId,
        ResultCode: 0,
        ResultDesc: "The service request is processed successfully.",
        CallbackMetadata: {
          Item: [
            { Name: "Amount", Value: input.amount },
            { Name: "MpesaReceiptNumber", Value: input.receipt },
            { Name: "TransactionDate", Value: 20261121102115 },
            { Name: "PhoneNumber", Value: input.phone ?? 254708374149 },
          ],
        },
      },
    },
  }
}

/** A failed STK callback (1032 "cancelled by user" unless told otherwise). */
export function failedStkCallback(input: { merchantRequestId: string; checkoutRequestId: string; code?: number; desc?: string }) {
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: input.merchantRequestId,
        CheckoutRequestID: input.checkoutRequestId,
        ResultCode: input.code ?? 1032,
        ResultDesc: input.desc ?? "Request cancelled by user",
      },
    },
  }
}

/**
 * The order's paid push as the ledger has it once settled: linked to the
 * order, with Safaricom's receipt, captured in Medusa. The links come from
 * subscribers, which run asynchronously on the Redis profile.
 */
export async function paidInLedger(container: { resolve(key: string): unknown }, orderId: string) {
  const mpesa = container.resolve("mpesa") as {
    listStkRequests(filter: Record<string, unknown>): Promise<{ receipt_number: string | null; captured_at: Date | null; amount_kes: number }[]>
  }
  return eventually(async () => {
    const [row] = await mpesa.listStkRequests({ order_id: orderId, status: "paid" })
    return row?.receipt_number && row.captured_at ? row : undefined
  })
}

/**
 * The CheckoutRequestID of a session's prompt. It is sealed in the session's
 * data (it ends with the phone's last nine digits), so a test opens it the
 * way the plugin does.
 */
export function checkoutIdOf(container: { resolve(key: string): unknown }, data: Record<string, unknown>): string {
  const id = sessionCheckoutId(container as MedusaContainer, data)
  if (!id) {
    throw new Error(`No CheckoutRequestID in session data: ${JSON.stringify(Object.keys(data))}`)
  }
  return id
}

type Api = { post(url: string, body: unknown, config?: unknown): Promise<{ data: any }> }

/**
 * Asks Medusa for an M-Pesa payment session (the storefront's "Pay with
 * M-Pesa"), which sends the prompt; returns the prompt's Daraja ids.
 */
export async function pushMpesaSession(
  api: Api,
  store: unknown,
  container: { resolve(key: string): unknown },
  paymentCollectionId: string,
  phone: string
): Promise<{ checkout_request_id: string; merchant_request_id: string }> {
  const { data } = await api.post(
    `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
    { provider_id: "pp_mpesa_mpesa", data: { phone } },
    store
  )
  const shown = data.payment_collection.payment_sessions.find((s: { provider_id: string }) => s.provider_id === "pp_mpesa_mpesa").data
  return { checkout_request_id: checkoutIdOf(container, shown), merchant_request_id: shown.merchant_request_id as string }
}
