import { kes, maskMsisdn } from "../callbacks/bodies"
import type { Sim } from "../context"
import { invalidC2bUrl, urlsAlreadyRegistered } from "../errors"
import { json } from "../http/reply"
import { newOriginatorConversationId } from "../ids"
import { darajaTimestamp } from "../time"
import { c2bUrlProblem, C2bSimulateRequest, validateC2bRegister, validateC2bSimulate } from "../validation/c2b"
import { readJsonRequest } from "./guard"
import { uniqueTransactionId, utilityBalance } from "./initiator"
import type { EndpointHandler } from "./types"

/** POST /mpesa/c2b/v1|v2/registerurl */
export const c2bRegister: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validateC2bRegister)
  if (!validation.ok) {
    return validation.reply
  }
  const request = validation.value
  for (const [field, url] of [
    ["ConfirmationURL", request.confirmationUrl],
    ["ValidationURL", request.validationUrl],
  ] as const) {
    const problem = c2bUrlProblem(url)
    if (problem) {
      return invalidC2bUrl(field, problem)
    }
  }
  if (sim.settings.c2bRegisterOnce && sim.c2b.get(request.shortCode)) {
    return urlsAlreadyRegistered()
  }
  sim.c2b.set({ ...request, registeredAt: sim.now() })
  // "OriginatorCoversationID" (sic) is how Daraja spells it here.
  return json(200, {
    OriginatorCoversationID: newOriginatorConversationId(),
    ResponseCode: "0",
    ResponseDescription: "success",
  })
}

/** POST /mpesa/c2b/v1|v2/simulate (sandbox only): the customer pays from the USSD menu. */
export const c2bSimulate: EndpointHandler = (sim, req) => {
  const validation = readJsonRequest(sim, req, "ShortCode", validateC2bSimulate)
  if (!validation.ok) {
    return validation.reply
  }
  sim.scheduler.after(sim.settings.callbackDelayMs, () => {
    void runC2bPayment(sim, validation.value)
  })
  return json(200, {
    OriginatorCoversationID: newOriginatorConversationId(),
    ResponseCode: "0",
    ResponseDescription: "Accept the service request successfully.",
  })
}

const isAccepted = (answer: string): boolean | undefined => {
  try {
    const code = String((JSON.parse(answer) as { ResultCode?: unknown }).ResultCode)
    if (code === "0") {
      return true
    }
    return code.startsWith("C2B") ? false : undefined
  } catch {
    return undefined
  }
}

/**
 * Validation (when enabled and registered) decides; if the receiver does not
 * answer usefully in time, the registered ResponseType applies. An accepted
 * payment enters the ledger and is confirmed.
 */
export const runC2bPayment = async (sim: Sim, request: C2bSimulateRequest): Promise<void> => {
  const registration = sim.c2b.get(request.shortCode)
  const transId = uniqueTransactionId(sim)
  const at = sim.now()
  const body = {
    TransactionType: request.commandId === "CustomerPayBillOnline" ? "Pay Bill" : "Buy Goods",
    TransID: transId,
    TransTime: darajaTimestamp(at),
    TransAmount: kes(request.amount),
    BusinessShortCode: request.shortCode,
    BillRefNumber: request.billRefNumber,
    InvoiceNumber: "",
    OrgAccountBalance: "",
    ThirdPartyTransID: "",
    MSISDN: maskMsisdn(request.msisdn),
    FirstName: "John",
    MiddleName: "",
    LastName: "Doe",
  }
  if (registration && sim.settings.c2bValidation) {
    const answer = await sim.dispatcher.call(
      { kind: "c2b-validation", url: registration.validationUrl, body, transId, copy: 1 },
      JSON.stringify(body),
      sim.settings.c2bValidationTimeoutMs
    )
    if (sim.scheduler.isStopped) {
      return
    }
    const verdict = answer ? isAccepted(answer.body) : undefined
    const accepted = verdict ?? registration.responseType === "Completed"
    if (!accepted) {
      sim.logger.info(`c2b ${transId} rejected by validation`)
      return
    }
  }
  sim.ledger.record({
    receipt: transId,
    kind: "c2b",
    amount: request.amount,
    msisdn: request.msisdn,
    shortcode: request.shortCode,
    transactionType: body.TransactionType as "Pay Bill" | "Buy Goods",
    accountReference: request.billRefNumber,
    at,
  })
  if (!registration) {
    return
  }
  const confirmation = {
    ...body,
    OrgAccountBalance: utilityBalance(sim, request.shortCode).split("|")[2],
  }
  sim.dispatcher.send(
    { kind: "c2b-confirmation", url: registration.confirmationUrl, body: confirmation, transId, copy: 1 },
    JSON.stringify(confirmation),
    0
  )
}
