/** Builds STK callback bodies shaped like Daraja's (and the simulator's). */

export interface MockedStkCallbackInput {
  resultCode?: number | string
  resultDesc?: string
  amount?: number | string
  receipt?: string
  phone?: number | string
  merchantRequestId?: string
  checkoutRequestId?: string
  transactionDate?: number | string
  /** Include `{ Name: "Balance" }` without a value, as Daraja does. Default true. */
  withBalanceItem?: boolean
  /** Reverse the item order, to prove lookups are by Name. */
  reverseItems?: boolean
}

export const MOCK_CHECKOUT_REQUEST_ID = "ws_CO_10072024091526172708374149"
export const MOCK_MERCHANT_REQUEST_ID = "7071-4170-a0e4-8345632bad441412267"

export function getMockedStkCallback(input: MockedStkCallbackInput = {}) {
  const {
    resultCode = 0,
    amount = 1,
    receipt = "NLJ7RT61SV",
    phone = 254708374149,
    merchantRequestId = MOCK_MERCHANT_REQUEST_ID,
    checkoutRequestId = MOCK_CHECKOUT_REQUEST_ID,
    transactionDate = 20191219102115,
    withBalanceItem = true,
    reverseItems = false,
  } = input
  const success = String(resultCode) === "0"
  const resultDesc =
    input.resultDesc ?? (success ? "The service request is processed successfully." : "Request cancelled by user")
  const items: Array<{ Name: string; Value?: unknown }> = [
    { Name: "Amount", Value: amount },
    { Name: "MpesaReceiptNumber", Value: receipt },
    ...(withBalanceItem ? [{ Name: "Balance" }] : []),
    { Name: "TransactionDate", Value: transactionDate },
    { Name: "PhoneNumber", Value: phone },
  ]
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: merchantRequestId,
        CheckoutRequestID: checkoutRequestId,
        ResultCode: resultCode,
        ResultDesc: resultDesc,
        ...(success ? { CallbackMetadata: { Item: reverseItems ? items.reverse() : items } } : {}),
      },
    },
  }
}
