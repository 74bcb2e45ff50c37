export { startDarajaSimulator } from "./simulator"
export type { DarajaSimulator } from "./simulator"
export { Control, ControlError } from "./control/api"
export type { C2bWaitOptions, OutcomeInput, RequestFilter, WaitOptions } from "./control/api"
export { CONTROL_PREFIX } from "./control/routes"
export {
  DEFAULT_SETTINGS,
  SANDBOX_PASSKEY,
  SANDBOX_SHORTCODE,
  SANDBOX_TILL,
} from "./options"
export type { DarajaSimulatorOptions, Settings, ShortcodeConfig } from "./options"
export { DEFAULT_PHONE_SCRIPTS, RESULT_DESCRIPTIONS, SANDBOX_MSISDN } from "./outcomes"
export type { PhoneScript, ResultCode, StkOutcome } from "./outcomes"
export type {
  CallbackOverride,
  EndpointName,
  Fault,
  Override,
  OverrideInput,
} from "./state/overrides"
export type { CallbackAttempt, CallbackFilter, CallbackKind, CallbackRecord } from "./callbacks/store"
export type { RequestRecord } from "./state/request-log"
export type { StkResult, StkTransaction } from "./state/stk-store"
export type { LedgerEntry, PayoutEntry, ReversalEntry } from "./state/ledger"
export type { C2bPayInput } from "./c2b/pay-input"
export type { ConfirmationShaping } from "./c2b/payment"
export { C2B_REJECTION_CODES } from "./c2b/body"
export type {
  C2bChannel,
  C2bConfirmationState,
  C2bPayment,
  C2bPaymentFilter,
  C2bTransactionType,
  C2bValidationOutcome,
} from "./state/c2b-payments"
export type { C2bRegistration, PullRegistration } from "./state/shortcode-registry"
export type { QrCodeRecord } from "./state/qr-codes"
export { parseQrPayload, qrPayload, QR_PAYLOAD_PREFIX, QR_TRX_CODES } from "./qr/payload"
export type { QrFields, QrRead, QrTrxCode } from "./qr/payload"
export { PULL_WINDOW_MS } from "./endpoints/pull-transactions"
export type { Logger } from "./logger"
export { consoleLogger, silentLogger } from "./logger"
export { stkPassword } from "./validation/password"
export { darajaTimestamp } from "./time"
