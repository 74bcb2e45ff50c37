export { startDarajaSimulator } from "./simulator"
export type { DarajaSimulator } from "./simulator"
export { Control, ControlError } from "./control/api"
export type { OutcomeInput, RequestFilter, WaitOptions } from "./control/api"
export { CONTROL_PREFIX } from "./control/routes"
export {
  DEFAULT_SETTINGS,
  SANDBOX_PASSKEY,
  SANDBOX_SHORTCODE,
  SANDBOX_TILL,
} from "./options"
export type { DarajaSimulatorOptions, Settings, ShortcodeConfig } from "./options"
export { DEFAULT_PHONE_SCRIPTS, RESULT_DESCRIPTIONS } from "./outcomes"
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
export type { Logger } from "./logger"
export { consoleLogger, silentLogger } from "./logger"
export { stkPassword } from "./validation/password"
export { darajaTimestamp } from "./time"
