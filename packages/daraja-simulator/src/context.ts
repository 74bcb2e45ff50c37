import { CallbackDispatcher } from "./callbacks/dispatcher"
import { CallbackStore } from "./callbacks/store"
import { Logger, silentLogger } from "./logger"
import {
  DarajaSimulatorOptions,
  DEFAULT_SETTINGS,
  pickSettings,
  resolveShortcodes,
  SANDBOX_SHORTCODE,
  SANDBOX_TILL,
  Settings,
  ShortcodeConfig,
} from "./options"
import { DEFAULT_PHONE_SCRIPTS, PhoneScript } from "./outcomes"
import { Scheduler } from "./scheduler"
import { C2bPaymentStore } from "./state/c2b-payments"
import { ShortcodeRegistry, type C2bRegistration, type PullRegistration } from "./state/shortcode-registry"
import { Ledger } from "./state/ledger"
import { OverrideStore } from "./state/overrides"
import { QrCodeStore } from "./state/qr-codes"
import type { RequestRecord } from "./state/request-log"
import { Ring } from "./state/ring"
import { StkStore } from "./state/stk-store"
import { TokenStore } from "./state/tokens"

/** Everything the endpoints and the control API share: config plus in-memory state. */
export interface Sim {
  settings: Settings
  readonly initialSettings: Settings
  readonly credentials?: ReadonlyMap<string, string>
  readonly shortcodes: ReadonlyMap<string, Required<ShortcodeConfig>>
  readonly tills: ReadonlyMap<string, string>
  readonly initialScripts: ReadonlyMap<string, PhoneScript>
  phoneScripts: Map<string, PhoneScript>
  readonly maxBodyBytes: number
  readonly phonePage: boolean
  readonly now: () => number
  readonly logger: Logger
  readonly scheduler: Scheduler
  readonly tokens: TokenStore
  readonly stk: StkStore
  readonly ledger: Ledger
  readonly requests: Ring<RequestRecord>
  readonly callbacks: CallbackStore
  readonly dispatcher: CallbackDispatcher
  readonly overrides: OverrideStore
  readonly c2b: ShortcodeRegistry<C2bRegistration>
  /** Every C2B payment attempt (completed or rejected), for Pull Transactions and the control API. */
  readonly c2bPayments: C2bPaymentStore
  readonly pull: ShortcodeRegistry<PullRegistration>
  readonly qrCodes: QrCodeStore
  /** Monotonic counter for request ids in the log. */
  nextRequestSeq(): number
}

export const createSim = (options: DarajaSimulatorOptions = {}): Sim => {
  const initialSettings: Settings = { ...DEFAULT_SETTINGS, ...pickSettings(options) }
  const now = options.now ?? Date.now
  const logger = options.logger ?? silentLogger
  const scheduler = new Scheduler()
  const callbacks = new CallbackStore()
  const initialScripts = new Map<string, PhoneScript>(
    Object.entries({ ...DEFAULT_PHONE_SCRIPTS, ...options.phoneScripts })
  )
  let seq = 0
  const sim: Sim = {
    settings: { ...initialSettings },
    initialSettings,
    credentials: options.credentials ? new Map(Object.entries(options.credentials)) : undefined,
    shortcodes: resolveShortcodes(options.shortcodes),
    tills: new Map(Object.entries({ [SANDBOX_TILL]: SANDBOX_SHORTCODE, ...options.tills })),
    initialScripts,
    phoneScripts: new Map(initialScripts),
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    phonePage: options.phonePage ?? true,
    now,
    logger,
    scheduler,
    tokens: new TokenStore(),
    stk: new StkStore(),
    ledger: new Ledger(),
    requests: new Ring<RequestRecord>(options.requestLogSize ?? 1000),
    callbacks,
    dispatcher: new CallbackDispatcher({
      store: callbacks,
      scheduler,
      logger,
      now,
      settings: () => sim.settings,
    }),
    overrides: new OverrideStore(),
    c2b: new ShortcodeRegistry<C2bRegistration>(),
    c2bPayments: new C2bPaymentStore((till) => sim.tills.get(till)),
    pull: new ShortcodeRegistry<PullRegistration>(),
    qrCodes: new QrCodeStore(),
    nextRequestSeq: () => ++seq,
  }
  return sim
}

/** Back to the state right after start: no tokens, prompts, payments, logs or overrides. */
export const resetSim = (sim: Sim): void => {
  sim.scheduler.cancelAll()
  sim.settings = { ...sim.initialSettings }
  sim.phoneScripts = new Map(sim.initialScripts)
  sim.tokens.clear()
  sim.stk.clear()
  sim.ledger.clear()
  sim.requests.clear()
  sim.callbacks.clear()
  sim.overrides.clear()
  sim.c2b.clear()
  sim.c2bPayments.clear()
  sim.pull.clear()
  sim.qrCodes.clear()
}
