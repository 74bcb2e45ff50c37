import { createServer } from "node:http"
import { AddressInfo } from "node:net"
import { MedusaError } from "@medusajs/framework/utils"
import { DarajaSimulator, startDarajaSimulator } from "@soko/daraja-simulator"
import { callbackAmountMatches, parseStkCallback, StkCallback } from "../../../utils/callback"
import { parseInitiatorResult } from "../../../utils/initiator-result"
import { interpretStkResult } from "../../../utils/result-codes"
import { DarajaClient, DarajaClientDeps, DarajaClientOptions } from "../client"
import { DarajaError } from "../errors"
import { validateMpesaOptions } from "../options"
import { InMemoryTokenStore } from "../token-store"
import { CallbackReceiver, startCallbackReceiver } from "./helpers/callback-receiver"

const PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919"
const CONSUMER_SECRET = "consumer-secret-do-not-leak"
const SECURITY_CREDENTIAL = "security-credential-do-not-leak"
const PAYS = "254708374149"
const INTERACTIVE = "254712345678"

let sim: DarajaSimulator
let receiver: CallbackReceiver

beforeAll(async () => {
  ;[sim, receiver] = await Promise.all([
    startDarajaSimulator({ port: 0, callbackDelayMs: 0, ruleLimitWindowMs: 0, callbackRetries: 0 }),
    startCallbackReceiver(),
  ])
})

afterAll(async () => {
  await Promise.all([sim.stop(), receiver.close()])
})

beforeEach(() => {
  sim.reset()
  receiver.bodies.length = 0
})

const makeClient = (patch: Record<string, unknown> = {}, deps: DarajaClientDeps = {}) =>
  new DarajaClient(
    validateMpesaOptions({
      consumerKey: "test-key",
      consumerSecret: CONSUMER_SECRET,
      shortcode: "174379",
      passkey: PASSKEY,
      baseUrl: sim.url,
      callbackUrl: receiver.url,
      initiatorName: "testapi",
      securityCredential: SECURITY_CREDENTIAL,
      ...patch,
    }),
    deps
  )

/** A local URL nothing listens on (port 1 would be refused by fetch itself as a "bad port"). */
const closedPortUrl = async (): Promise<string> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

const oauthCalls = () => sim.listRequests({ endpoint: "oauth" }).length

const stkCallbackFor = async (checkoutRequestId: string): Promise<StkCallback> => {
  const record = await sim.waitForCallback({ kind: "stk", checkoutRequestId, timeoutMs: 5000 })
  const parsed = parseStkCallback(record.body)
  if (!parsed.ok) {
    throw new Error(parsed.reason)
  }
  return parsed.callback
}

const caught = async (promise: Promise<unknown>): Promise<DarajaError> => {
  try {
    await promise
  } catch (error) {
    if (error instanceof DarajaError) {
      return error
    }
    throw error
  }
  throw new Error("expected a DarajaError")
}

const lastRequestBody = (endpoint: string) => {
  const requests = sim.listRequests({ endpoint })
  return requests[requests.length - 1]?.body as Record<string, unknown>
}

describe("DarajaClient tokens", () => {
  it("caches the token", async () => {
    const client = makeClient()
    const first = await client.getToken()
    expect(await client.getToken()).toBe(first)
    expect(oauthCalls()).toBe(1)
  })

  it("makes one OAuth call for concurrent callers", async () => {
    const client = makeClient()
    const tokens = await Promise.all(Array.from({ length: 10 }, () => client.getToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(oauthCalls()).toBe(1)
  })

  it("refreshes tokenRefreshMarginSeconds before expiry", async () => {
    let now = Date.parse("2024-07-10T06:00:00Z")
    const client = makeClient({ tokenRefreshMarginSeconds: 120 }, { now: () => now })
    const first = await client.getToken()
    // expires_in is "3599": refresh from 3599 - 120 = 3479 s on
    now += 3478 * 1000
    expect(await client.getToken()).toBe(first)
    expect(oauthCalls()).toBe(1)
    now += 1000
    expect(await client.getToken()).not.toBe(first)
    expect(oauthCalls()).toBe(2)
  })

  it("shares a token store between clients of one consumer key", async () => {
    const tokenStore = new InMemoryTokenStore()
    const [a, b] = [makeClient({}, { tokenStore }), makeClient({}, { tokenStore })]
    expect(await a.getToken()).toBe(await b.getToken())
    expect(oauthCalls()).toBe(1)
  })

  it("refetches once and retries on 404.001.03", async () => {
    sim.updateSettings({ revokeOldTokens: true })
    const a = makeClient()
    const b = makeClient()
    const push = await a.stkPush({ phone: PAYS, amount: 10, callbackUrl: receiver.url })
    await stkCallbackFor(push.checkoutRequestId)
    await b.getToken() // revokes a's token
    const result = await a.stkQuery(push.checkoutRequestId)
    expect(result.outcome).toBe("paid")
    expect(oauthCalls()).toBe(3)
    const queries = sim.listRequests({ endpoint: "stkquery" })
    expect(queries.map((r) => r.status)).toEqual([404, 200])
  })

  it("makes one refetch for many concurrent rejections", async () => {
    sim.updateSettings({ revokeOldTokens: true })
    const a = makeClient()
    const push = await a.stkPush({ phone: PAYS, amount: 11, callbackUrl: receiver.url })
    await stkCallbackFor(push.checkoutRequestId)
    await makeClient().getToken() // revokes a's token
    const before = oauthCalls()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => a.stkQuery(push.checkoutRequestId))
    )
    expect(results.every((r) => r.outcome === "paid")).toBe(true)
    expect(oauthCalls()).toBe(before + 1)
  })

  it("gives up after one retry when the fresh token is refused too", async () => {
    const client = makeClient()
    sim.addOverride({
      endpoint: "stkquery",
      times: 2,
      fault: { status: 404, errorCode: "404.001.03", errorMessage: "Invalid Access Token" },
    })
    const error = await caught(client.stkQuery("ws_CO_10072024091526172708374149"))
    expect(error).toMatchObject({ kind: "invalid_token", errorCode: "404.001.03", httpStatus: 404, transient: false })
    expect(sim.listRequests({ endpoint: "stkquery" })).toHaveLength(2)
    expect(oauthCalls()).toBe(2)
  })
})

describe("DarajaClient token parsing (stub fetch)", () => {
  const stubClient = (responses: Array<{ status: number; body: string }>, now: () => number) => {
    const calls: string[] = []
    const fetchStub: typeof fetch = async (input) => {
      calls.push(String(input))
      const next = responses.shift() ?? { status: 500, body: "" }
      return new Response(next.body, { status: next.status })
    }
    const options: DarajaClientOptions = {
      consumerKey: "k",
      consumerSecret: CONSUMER_SECRET,
      shortcode: "174379",
      passkey: PASSKEY,
      transactionType: "CustomerPayBillOnline",
      baseUrl: "http://daraja.test",
      tokenRefreshMarginSeconds: 120,
      requestTimeoutMs: 1000,
    }
    return { client: new DarajaClient(options, { fetch: fetchStub, now }), calls }
  }

  it.each([
    ["a number", 3599, 3479],
    ["a string", "3599", 3479],
    ["short-lived", 60, 30],
    ["missing", undefined, 3479],
    ["garbage", "soon", 3479],
  ])("reads expires_in as %s", async (_name, expiresIn, refreshAfterSeconds) => {
    let now = 0
    const body = JSON.stringify({ access_token: "t1", expires_in: expiresIn })
    const body2 = JSON.stringify({ access_token: "t2", expires_in: expiresIn })
    const { client, calls } = stubClient(
      [
        { status: 200, body },
        { status: 200, body: body2 },
      ],
      () => now
    )
    expect(await client.getToken()).toBe("t1")
    now = (refreshAfterSeconds - 1) * 1000
    expect(await client.getToken()).toBe("t1")
    now = refreshAfterSeconds * 1000
    expect(await client.getToken()).toBe("t2")
    expect(calls).toHaveLength(2)
  })

  it("explains bad consumer credentials (400 with an empty body)", async () => {
    const { client } = stubClient([{ status: 400, body: "" }], () => 0)
    const error = await caught(client.getToken())
    expect(error).toMatchObject({ kind: "auth_failed", errorCode: "OAUTH_REJECTED", httpStatus: 400, transient: false })
    expect(error.message).toContain("consumerKey")
  })

  it("refuses a token answer without access_token", async () => {
    const { client } = stubClient([{ status: 200, body: "{}" }], () => 0)
    expect(await caught(client.getToken())).toMatchObject({ kind: "invalid_response" })
  })

  it("reads Apigee fault bodies", async () => {
    const fault = JSON.stringify({
      fault: { faultstring: "Spike arrest violation", detail: { errorcode: "policies.ratelimit.SpikeArrestViolation" } },
    })
    const { client } = stubClient([{ status: 500, body: fault }], () => 0)
    expect(await caught(client.getToken())).toMatchObject({
      kind: "rate_limited",
      errorCode: "policies.ratelimit.SpikeArrestViolation",
      transient: true,
    })
  })
})

describe("DarajaClient.stkPush", () => {
  it("pushes to a paybill and the callback confirms the amount", async () => {
    const client = makeClient()
    const push = await client.stkPush({
      phone: "0708 374 149",
      amount: 1450,
      accountReference: "Order #1001 & co",
      transactionDesc: "Soko order payment",
      callbackUrl: `${receiver.url}/hooks/payment/daraja_daraja`,
    })
    expect(push).toMatchObject({
      msisdn: PAYS,
      amount: 1450,
      accountReference: "Order 1001 c",
      transactionDesc: "Soko order pa",
    })
    expect(push.checkoutRequestId).toMatch(/^ws_CO_\d+$/)
    expect(lastRequestBody("stkpush")).toMatchObject({
      BusinessShortCode: "174379",
      TransactionType: "CustomerPayBillOnline",
      PartyA: PAYS,
      PartyB: "174379",
      PhoneNumber: PAYS,
      Amount: 1450,
      Timestamp: push.timestamp,
    })
    const callback = await stkCallbackFor(push.checkoutRequestId)
    expect(callback).toMatchObject({ success: true, checkoutRequestId: push.checkoutRequestId })
    expect(callbackAmountMatches(callback, push.amount)).toBe(true)
    expect(callback.metadata?.receipt).toMatch(/^[A-Z0-9]{10}$/)
    expect(receiver.bodies.map((b) => b.path)).toEqual(["/hooks/payment/daraja_daraja"])
  })

  it("pushes to a till (BuyGoods: store number + till as PartyB)", async () => {
    const client = makeClient({ transactionType: "CustomerBuyGoodsOnline", tillNumber: "174380" })
    const push = await client.stkPush({ phone: PAYS, amount: 20, callbackUrl: receiver.url })
    expect(lastRequestBody("stkpush")).toMatchObject({
      BusinessShortCode: "174379",
      TransactionType: "CustomerBuyGoodsOnline",
      PartyB: "174380",
    })
    expect((await stkCallbackFor(push.checkoutRequestId)).success).toBe(true)
  })

  it("surfaces a till of no store as SFC_IC0003 in the callback", async () => {
    const client = makeClient({ transactionType: "CustomerBuyGoodsOnline", tillNumber: "999999" })
    const push = await client.stkPush({ phone: PAYS, amount: 20, callbackUrl: receiver.url })
    const callback = await stkCallbackFor(push.checkoutRequestId)
    expect(callback.resultCode).toBe("SFC_IC0003")
    expect(interpretStkResult(callback.resultCode)).toMatchObject({ outcome: "failed", retryable: false })
  })

  it("surfaces Daraja's field validation as DarajaError with the field", async () => {
    const error = await caught(makeClient().stkPush({ phone: PAYS, amount: 5, callbackUrl: "not-a-url" }))
    expect(error).toMatchObject({
      kind: "invalid_field",
      errorCode: "400.002.02",
      field: "CallBackURL",
      httpStatus: 400,
      transient: false,
    })
    expect(error.requestId).toBeTruthy()
  })

  it("reports a wrong passkey as wrong_credentials", async () => {
    const error = await caught(
      makeClient({ passkey: "not-the-passkey" }).stkPush({ phone: PAYS, amount: 5, callbackUrl: receiver.url })
    )
    expect(error).toMatchObject({ kind: "wrong_credentials", errorCode: "500.001.1001", transient: false })
  })

  it("reports an open prompt on the phone as subscriber_locked", async () => {
    const client = makeClient()
    await client.stkPush({ phone: INTERACTIVE, amount: 5, callbackUrl: receiver.url })
    const error = await caught(client.stkPush({ phone: INTERACTIVE, amount: 6, callbackUrl: receiver.url }))
    expect(error).toMatchObject({ kind: "subscriber_locked", transient: false })
  })

  it("marks spike arrest (500.003.02) transient", async () => {
    sim.addOverride({ endpoint: "stkpush", fault: { status: 500, errorCode: "500.003.02", errorMessage: "Spike Arrest Violation" } })
    const error = await caught(makeClient().stkPush({ phone: PAYS, amount: 5, callbackUrl: receiver.url }))
    expect(error).toMatchObject({ kind: "rate_limited", errorCode: "500.003.02", httpStatus: 500, transient: true })
  })

  it("marks an HTML 503 from a proxy transient and indeterminate", async () => {
    sim.addOverride({ endpoint: "stkpush", fault: { status: 503, body: "<html>Service Unavailable</html>" } })
    const error = await caught(makeClient().stkPush({ phone: PAYS, amount: 5, callbackUrl: receiver.url }))
    expect(error).toMatchObject({ kind: "server", errorCode: "HTTP_503", transient: true, indeterminate: true })
  })

  it("marks a timeout transient and indeterminate", async () => {
    const options = validateMpesaOptions({
      consumerKey: "test-key",
      consumerSecret: CONSUMER_SECRET,
      shortcode: "174379",
      passkey: PASSKEY,
      baseUrl: sim.url,
      callbackUrl: receiver.url,
    })
    const client = new DarajaClient({ ...options, requestTimeoutMs: 50 })
    await client.getToken()
    sim.addOverride({ endpoint: "stkpush", latencyMs: 300 })
    const error = await caught(client.stkPush({ phone: PAYS, amount: 5, callbackUrl: receiver.url }))
    expect(error).toMatchObject({ kind: "timeout", transient: true, indeterminate: true })
  })

  it("marks a refused connection transient but not indeterminate", async () => {
    const error = await caught(makeClient({ baseUrl: await closedPortUrl() }).getToken())
    expect(error).toMatchObject({ kind: "network", transient: true, indeterminate: false })
  })

  it.each([
    [{ phone: "0202345678", amount: 5 }, "not a Kenyan mobile number"],
    [{ phone: PAYS, amount: 1.5 }, "whole KES"],
    [{ phone: PAYS, amount: 0 }, "whole KES"],
    [{ phone: PAYS, amount: 250001 }, "whole KES"],
  ])("refuses %p before calling Daraja", async (input, message) => {
    const client = makeClient()
    await expect(client.stkPush({ ...input, callbackUrl: receiver.url })).rejects.toThrow(message)
    await expect(client.stkPush({ ...input, callbackUrl: receiver.url })).rejects.toBeInstanceOf(MedusaError)
    expect(sim.listRequests({ endpoint: "stkpush" })).toHaveLength(0)
  })

  it("refuses BuyGoods without a till", () => {
    expect(
      () =>
        new DarajaClient({
          consumerKey: "k",
          consumerSecret: "s",
          shortcode: "174379",
          passkey: PASSKEY,
          transactionType: "CustomerBuyGoodsOnline",
          baseUrl: sim.url,
          tokenRefreshMarginSeconds: 120,
          requestTimeoutMs: 1000,
        })
    ).toThrow("Option `tillNumber` is required")
  })
})

describe("DarajaClient.stkQuery", () => {
  it("is pending while the prompt is open, then paid", async () => {
    const client = makeClient()
    const push = await client.stkPush({ phone: INTERACTIVE, amount: 30, callbackUrl: receiver.url })
    expect(await client.stkQuery(push.checkoutRequestId)).toMatchObject({
      outcome: "pending",
      resultCode: "500.001.1001",
      resultDesc: expect.stringContaining("being processed"),
    })
    sim.approve(push.checkoutRequestId)
    const result = await client.stkQuery(push.checkoutRequestId)
    expect(result).toMatchObject({ outcome: "paid", resultCode: "0", checkoutRequestId: push.checkoutRequestId })
    expect(result.merchantRequestId).toBe(push.merchantRequestId)
  })

  it.each([
    ["254700000001", "1032", "cancelled"],
    ["254700000003", "1", "failed"],
    ["254700000004", "2001", "failed"],
    ["254700000005", "1019", "expired"],
    ["254700000009", "SFC_IC0003", "failed"],
  ])("reports %s as %s (%s)", async (phone, resultCode, outcome) => {
    const client = makeClient()
    const push = await client.stkPush({ phone, amount: 40, callbackUrl: receiver.url })
    const callback = await stkCallbackFor(push.checkoutRequestId)
    expect(callback.resultCode).toBe(resultCode)
    expect(await client.stkQuery(push.checkoutRequestId)).toMatchObject({ resultCode, outcome })
  })

  it("reports 1037 without a callback as expired", async () => {
    const client = makeClient()
    const push = await client.stkPush({ phone: "254700000002", amount: 40, callbackUrl: receiver.url })
    // No callback comes for 1037; wait for the simulator to settle the prompt.
    while (sim.getTransaction(push.checkoutRequestId)?.status === "pending") {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(await client.stkQuery(push.checkoutRequestId)).toMatchObject({ resultCode: "1037", outcome: "expired" })
    expect(sim.listCallbacks({ checkoutRequestId: push.checkoutRequestId })).toHaveLength(0)
  })

  it("throws for an unknown CheckoutRequestID", async () => {
    const error = await caught(makeClient().stkQuery("ws_CO_00000000000000000000000000"))
    expect(error).toMatchObject({ kind: "invalid_field", field: "CheckoutRequestID" })
  })
})

describe("DarajaClient.reversal", () => {
  const pay = async (client: DarajaClient, amount: number) => {
    const push = await client.stkPush({ phone: PAYS, amount, callbackUrl: receiver.url })
    const callback = await stkCallbackFor(push.checkoutRequestId)
    return callback.metadata!.receipt
  }

  it("reverses a paid receipt, once", async () => {
    const client = makeClient()
    const receipt = await pay(client, 50)
    const ack = await client.reversal({
      transactionId: receipt,
      amount: 50,
      resultUrl: `${receiver.url}/reversal/result`,
      queueTimeoutUrl: `${receiver.url}/reversal/timeout`,
      remarks: "Refund #order 1001",
    })
    expect(ack.conversationId).toMatch(/^AG_/)
    expect(lastRequestBody("reversal")).toMatchObject({
      CommandID: "TransactionReversal",
      TransactionID: receipt,
      ReceiverParty: "174379",
      RecieverIdentifierType: "11",
      Remarks: "Refund order 1001",
    })
    const result = await sim.waitForCallback({ kind: "reversal", conversationId: ack.conversationId, timeoutMs: 5000 })
    expect(parseInitiatorResult(result.body)).toMatchObject({
      ok: true,
      result: {
        resultCode: "0",
        success: true,
        conversationId: ack.conversationId,
        parameters: { OriginalTransactionID: receipt, Amount: 50 },
      },
    })

    const again = await client.reversal({
      transactionId: receipt,
      amount: 50,
      resultUrl: `${receiver.url}/reversal/result`,
      queueTimeoutUrl: `${receiver.url}/reversal/timeout`,
    })
    const second = await sim.waitForCallback({ kind: "reversal", conversationId: again.conversationId, timeoutMs: 5000 })
    expect(parseInitiatorResult(second.body)).toMatchObject({
      ok: true,
      result: { resultCode: "R000001", success: false },
    })
  })

  it("needs the initiator options", async () => {
    const options = validateMpesaOptions({
      consumerKey: "k",
      consumerSecret: "s",
      shortcode: "174379",
      passkey: PASSKEY,
      baseUrl: sim.url,
      callbackUrl: receiver.url,
    })
    const client = new DarajaClient(options)
    await expect(
      client.reversal({ transactionId: "NLJ7RT61SV", amount: 1, resultUrl: receiver.url, queueTimeoutUrl: receiver.url })
    ).rejects.toThrow("Option `initiatorName` is required for reversals")
  })

  it("refuses a malformed receipt before calling Daraja", async () => {
    await expect(
      makeClient().reversal({
        transactionId: "NLJ7' OR 1=1",
        amount: 1,
        resultUrl: receiver.url,
        queueTimeoutUrl: receiver.url,
      })
    ).rejects.toThrow("receipt number")
  })
})

describe("DarajaClient.transactionStatus", () => {
  it("asks for a receipt's status; the result goes to ResultURL", async () => {
    const client = makeClient()
    const push = await client.stkPush({ phone: PAYS, amount: 60, callbackUrl: receiver.url })
    const receipt = (await stkCallbackFor(push.checkoutRequestId)).metadata!.receipt
    const ack = await client.transactionStatus({
      transactionId: receipt,
      resultUrl: `${receiver.url}/status`,
      queueTimeoutUrl: `${receiver.url}/status-timeout`,
    })
    expect(lastRequestBody("transactionstatus")).toMatchObject({
      CommandID: "TransactionStatusQuery",
      TransactionID: receipt,
      PartyA: "174379",
      IdentifierType: "4",
    })
    const result = await sim.waitForCallback({
      kind: "transaction-status",
      conversationId: ack.conversationId,
      timeoutMs: 5000,
    })
    expect((result.body as { Result: { ResultCode: unknown } }).Result.ResultCode).toBe(0)
  })
})

describe("DarajaClient secrets", () => {
  it("never puts secrets in errors", async () => {
    const fixedNow = Date.parse("2024-07-10T06:15:26Z")
    const client = makeClient({}, { now: () => fixedNow })
    const password = Buffer.from(`174379${PASSKEY}20240710091526`).toString("base64")
    const errors: unknown[] = []
    sim.addOverride({ endpoint: "stkpush", fault: {} })
    errors.push(await caught(client.stkPush({ phone: PAYS, amount: 5, callbackUrl: receiver.url })))
    errors.push(await caught(client.stkPush({ phone: PAYS, amount: 5, callbackUrl: "bad" })))
    sim.addOverride({ endpoint: "reversal", fault: { status: 400, errorCode: "400.002.02", errorMessage: "Bad Request - Invalid SecurityCredential" } })
    errors.push(
      await caught(
        client.reversal({ transactionId: "NLJ7RT61SV", amount: 5, resultUrl: receiver.url, queueTimeoutUrl: receiver.url })
      )
    )
    errors.push(await caught(makeClient({ baseUrl: await closedPortUrl() }).getToken()))
    const basic = Buffer.from(`test-key:${CONSUMER_SECRET}`).toString("base64")
    for (const error of errors) {
      const e = error as DarajaError
      const dump = `${e.message}\n${e.stack}\n${JSON.stringify(e)}\n${JSON.stringify(Object.entries(e))}`
      for (const secret of [CONSUMER_SECRET, PASSKEY, SECURITY_CREDENTIAL, password, basic]) {
        expect(dump).not.toContain(secret)
      }
    }
  })
})

describe("DarajaClient.b2cPayment", () => {
  const payout = (client: DarajaClient, patch: Partial<Parameters<DarajaClient["b2cPayment"]>[0]> = {}) =>
    client.b2cPayment({
      originatorConversationId: "mrev_01TESTPAYOUT",
      phone: "0708374149",
      amount: 120,
      resultUrl: `${receiver.url}/b2c/result`,
      queueTimeoutUrl: `${receiver.url}/b2c/timeout`,
      remarks: "Partial refund #7",
      ...patch,
    })

  it("pays from the B2C shortcode with Daraja's field names, and cannot pay one id twice", async () => {
    const client = makeClient({ b2cShortcode: "600996" })
    const ack = await payout(client)
    expect(ack.originatorConversationId).toBe("mrev_01TESTPAYOUT")
    expect(lastRequestBody("b2c")).toMatchObject({
      OriginatorConversationID: "mrev_01TESTPAYOUT",
      InitiatorName: "testapi",
      CommandID: "BusinessPayment",
      Amount: 120,
      PartyA: "600996",
      PartyB: "254708374149",
      Remarks: "Partial refund 7",
      Occassion: "Refund",
    })
    const result = await sim.waitForCallback({ kind: "b2c", conversationId: ack.conversationId, timeoutMs: 5000 })
    expect(parseInitiatorResult(result.body)).toMatchObject({
      ok: true,
      result: { resultCode: "0", success: true, parameters: { TransactionAmount: 120 } },
    })
    await expect(payout(client)).rejects.toMatchObject({ errorCode: "500.002.1001" })
    expect(sim.listLedger().payouts).toHaveLength(1)
  })

  it.each<[string, Record<string, unknown>, Partial<Parameters<DarajaClient["b2cPayment"]>[0]>, string]>([
    ["without a B2C shortcode", {}, {}, "Option `b2cShortcode` is required for B2C payments"],
    ["to a landline", { b2cShortcode: "600996" }, { phone: "0202345678" }, "0202345678 is not a Kenyan mobile number"],
    ["a fraction of a shilling", { b2cShortcode: "600996" }, { amount: 10.5 }, "whole KES"],
    ["an id with spaces", { b2cShortcode: "600996" }, { originatorConversationId: "a b" }, "originatorConversationId"],
  ])("refuses a payout %s before calling Daraja", async (_name, options, patch, message) => {
    await expect(payout(makeClient(options), patch)).rejects.toThrow(message)
    expect(sim.listRequests({ endpoint: "b2c" })).toHaveLength(0)
  })
})
