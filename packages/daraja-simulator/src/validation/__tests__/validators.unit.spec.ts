import { validateC2bRegister, validateC2bSimulate } from "../c2b"
import { validateReversal, validateTransactionStatus } from "../initiator"
import { validateStkPush, validateStkQuery } from "../stk"

const push = {
  BusinessShortCode: 174379,
  Password: "cGFzcw==",
  Timestamp: "20240706221546",
  TransactionType: "CustomerBuyGoodsOnline",
  Amount: "100",
  PartyA: 254708374149,
  PartyB: "174380",
  PhoneNumber: "254708374149",
  CallBackURL: "https://shop.example/cb",
  AccountReference: "INV-1",
}

describe("validateStkPush", () => {
  it("normalises numbers to strings and amounts to integers", () => {
    expect(validateStkPush(push)).toEqual({
      ok: true,
      value: {
        businessShortCode: "174379",
        password: "cGFzcw==",
        timestamp: "20240706221546",
        transactionType: "CustomerBuyGoodsOnline",
        amount: 100,
        partyA: "254708374149",
        partyB: "174380",
        phoneNumber: "254708374149",
        callBackUrl: "https://shop.example/cb",
        accountReference: "INV-1",
        transactionDesc: null,
      },
    })
  })

  it.each([
    [{}, "BusinessShortCode"],
    [null, "BusinessShortCode"],
    [{ ...push, Timestamp: undefined }, "Timestamp"],
    [{ ...push, Amount: undefined }, "Amount"],
    [{ ...push, PartyA: "0708374149" }, "PartyA"],
    [{ ...push, CallBackURL: undefined }, "CallBackURL"],
    [{ ...push, AccountReference: undefined }, "AccountReference"],
    [{ ...push, TransactionDesc: 12345678901234 }, "TransactionDesc"],
  ])("names the first invalid field (%#)", (body, field) => {
    expect(validateStkPush(body)).toEqual({ ok: false, field })
  })
})

describe("validateStkQuery", () => {
  it.each([
    [{ BusinessShortCode: "174379", Password: "p", Timestamp: "20240706221546", CheckoutRequestID: "ws_CO_1" }, true],
    [{ BusinessShortCode: "174379", Password: "p", Timestamp: "20240706221546" }, "CheckoutRequestID"],
    [{ BusinessShortCode: "174379", Timestamp: "20240706221546", CheckoutRequestID: "x" }, "Password"],
  ])("case %#", (body, expected) => {
    const result = validateStkQuery(body)
    expect(result.ok ? true : result.field).toBe(expected)
  })
})

const reversal = {
  Initiator: "api",
  SecurityCredential: "cred",
  CommandID: "TransactionReversal",
  TransactionID: "NLJ7RT61SV",
  Amount: 10,
  ReceiverParty: "174379",
  RecieverIdentifierType: 11,
  ResultURL: "https://shop.example/r",
  QueueTimeOutURL: "https://shop.example/t",
  Remarks: "ok",
}

describe("validateReversal", () => {
  it.each([
    [reversal, true],
    [{ ...reversal, RecieverIdentifierType: "11" }, true],
    [{ ...reversal, RecieverIdentifierType: undefined, ReceiverIdentifierType: "11" }, "RecieverIdentifierType"],
    [{ ...reversal, QueueTimeOutURL: "x" }, "QueueTimeOutURL"],
    [{ ...reversal, Remarks: "x".repeat(101) }, "Remarks"],
    [{ ...reversal, Occasion: "x".repeat(101) }, "Occasion"],
    [{ ...reversal, ReceiverParty: "254708374149" }, "ReceiverParty"],
  ])("case %#", (body, expected) => {
    const result = validateReversal(body)
    expect(result.ok ? true : result.field).toBe(expected)
  })
})

const status = {
  Initiator: "api",
  SecurityCredential: "cred",
  CommandID: "TransactionStatusQuery",
  TransactionID: "NLJ7RT61SV",
  PartyA: "174379",
  IdentifierType: "4",
  ResultURL: "https://shop.example/r",
  QueueTimeOutURL: "https://shop.example/t",
  Remarks: "ok",
}

describe("validateTransactionStatus", () => {
  it.each([
    [status, true],
    [{ ...status, PartyA: "254708374149", IdentifierType: 1 }, true],
    [{ ...status, Occassion: "misspelled is fine" }, true],
    [{ ...status, TransactionID: undefined, OriginalConversationID: "abc" }, true],
    [{ ...status, TransactionID: "" }, "TransactionID"],
    [{ ...status, IdentifierType: "3" }, "IdentifierType"],
    [{ ...status, CommandID: "TransactionStatus" }, "CommandID"],
  ])("case %#", (body, expected) => {
    const result = validateTransactionStatus(body)
    expect(result.ok ? true : result.field).toBe(expected)
  })
})

describe("C2B validators", () => {
  const register = { ShortCode: "600984", ResponseType: "Cancelled", ConfirmationURL: "https://a.example/c", ValidationURL: "https://a.example/v" }
  const simulate = { ShortCode: "600984", CommandID: "CustomerPayBillOnline", Amount: 5, Msisdn: "254708374149", BillRefNumber: "acc" }
  it.each([
    [validateC2bRegister(register), true],
    [validateC2bRegister({ ...register, ResponseType: "CANCELLED" }), "ResponseType"],
    [validateC2bRegister({ ...register, ValidationURL: 1 }), "ValidationURL"],
    [validateC2bSimulate(simulate), true],
    [validateC2bSimulate({ ...simulate, BillRefNumber: "x".repeat(21) }), "BillRefNumber"],
    [validateC2bSimulate({ ...simulate, CommandID: "CustomerBuyGoodsOnline", BillRefNumber: null }), true],
    [validateC2bSimulate({ ...simulate, Msisdn: 708374149 }), "Msisdn"],
  ])("case %#", (result, expected) => {
    expect(result.ok ? true : result.field).toBe(expected)
  })
})
