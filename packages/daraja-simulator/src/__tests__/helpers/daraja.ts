import { DarajaSimulator, DarajaSimulatorOptions, startDarajaSimulator } from "../../index"
import { SANDBOX_PASSKEY, SANDBOX_SHORTCODE } from "../../options"
import { darajaTimestamp } from "../../time"
import { stkPassword } from "../../validation/password"

/** Fast settings for tests: no artificial delays, quick retries. */
export const FAST: DarajaSimulatorOptions = {
  callbackDelayMs: 0,
  callbackRetryDelayMs: 1,
  callbackRetries: 2,
  callbackTimeoutMs: 2000,
  c2bValidationTimeoutMs: 2000,
}

export const start = (options: DarajaSimulatorOptions = {}): Promise<DarajaSimulator> =>
  startDarajaSimulator({ ...FAST, ...options })

export const basic = (key: string, secret: string): string =>
  `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`

export const getToken = async (sim: DarajaSimulator, key = "key", secret = "secret"): Promise<string> => {
  const res = await fetch(`${sim.url}/oauth/v1/generate?grant_type=client_credentials`, {
    headers: { authorization: basic(key, secret) },
  })
  const body = (await res.json()) as { access_token: string }
  return body.access_token
}

export interface Answer {
  status: number
  body: Record<string, unknown>
  text: string
}

export const post = async (
  sim: DarajaSimulator,
  path: string,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Answer> => {
  const res = await fetch(`${sim.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: Record<string, unknown> = {}
  try {
    parsed = JSON.parse(text) as Record<string, unknown>
  } catch {
    // Non-JSON answers are checked through `text`.
  }
  return { status: res.status, body: parsed, text }
}

export const credentials = (
  shortcode = SANDBOX_SHORTCODE,
  passkey = SANDBOX_PASSKEY,
  at = Date.now()
): { BusinessShortCode: string; Password: string; Timestamp: string } => {
  const Timestamp = darajaTimestamp(at)
  return { BusinessShortCode: shortcode, Password: stkPassword(shortcode, passkey, Timestamp), Timestamp }
}

export const pushBody = (
  callbackUrl: string,
  overrides: Record<string, unknown> = {}
): Record<string, unknown> => ({
  ...credentials(),
  TransactionType: "CustomerPayBillOnline",
  Amount: 1,
  PartyA: "254708374149",
  PartyB: SANDBOX_SHORTCODE,
  PhoneNumber: "254708374149",
  CallBackURL: `${callbackUrl}/stk`,
  AccountReference: "order123",
  TransactionDesc: "Payment",
  ...overrides,
})

export const push = (
  sim: DarajaSimulator,
  token: string,
  callbackUrl: string,
  overrides: Record<string, unknown> = {}
): Promise<Answer> => post(sim, "/mpesa/stkpush/v1/processrequest", token, pushBody(callbackUrl, overrides))

export const query = (sim: DarajaSimulator, token: string, checkoutRequestId: string): Promise<Answer> =>
  post(sim, "/mpesa/stkpushquery/v1/query", token, {
    ...credentials(),
    CheckoutRequestID: checkoutRequestId,
  })

export const phone = (tail: number): string => `2547${String(tail).padStart(8, "0")}`

/** A Transaction Status request body whose Result goes to `resultBase`/status/result. */
export const transactionStatusBody = (resultBase: string, patch: Record<string, unknown> = {}) => ({
  Initiator: "testapi",
  SecurityCredential: "c2VjcmV0",
  CommandID: "TransactionStatusQuery",
  PartyA: "174379",
  IdentifierType: "4",
  ResultURL: `${resultBase}/status/result`,
  QueueTimeOutURL: `${resultBase}/status/timeout`,
  Remarks: "status",
  Occasion: "",
  ...patch,
})
