import type { C2bPayInput } from "../c2b/pay-input"
import type { CallbackFilter, CallbackRecord } from "../callbacks/store"
import { resetSim, Sim } from "../context"
import { pickSettings, Settings } from "../options"
import { outcome, PAID, PhoneScript, ResultCode } from "../outcomes"
import type { LedgerEntry, PayoutEntry, ReversalEntry } from "../state/ledger"
import type { Override, OverrideInput } from "../state/overrides"
import type { RequestRecord } from "../state/request-log"
import type { StkTransaction } from "../state/stk-store"
import { approvePrompt, cancelPrompt, releasePrompt, settleStk } from "../stk/lifecycle"
import type { QrFields } from "../qr/payload"
import type { C2bPayment, C2bPaymentFilter } from "../state/c2b-payments"
import type { C2bRegistration, PullRegistration } from "../state/shortcode-registry"
import type { QrCodeRecord } from "../state/qr-codes"
import * as f from "../validation/fields"
import { payC2b, readQrCode, resendC2bConfirmation } from "./c2b"
import { ControlError } from "./errors"

export interface OutcomeInput {
  /** The result the phone produces; omit with `interactive: true` for a person to answer. */
  resultCode?: ResultCode
  resultDesc?: string
  /** False: no callback is sent (like 1037). Default true. */
  callback?: boolean
  interactive?: boolean
}

export interface RequestFilter {
  endpoint?: string
  limit?: number
}

export interface WaitOptions extends CallbackFilter {
  /** Default 10000. */
  timeoutMs?: number
}

export interface C2bWaitOptions extends C2bPaymentFilter {
  /** Default 10000. */
  timeoutMs?: number
}

export { ControlError }

/** The inspection and control operations shared by the in-process handle and the HTTP control API. */
export class Control {
  constructor(private readonly sim: Sim) {}

  reset(): void {
    resetSim(this.sim)
  }

  getSettings(): Settings {
    return { ...this.sim.settings }
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const picked = pickSettings(patch)
    const turnedOn = picked.autoApprove === true && !this.sim.settings.autoApprove
    this.sim.settings = { ...this.sim.settings, ...picked }
    if (turnedOn) {
      // Prompts already showing pay too, as if the person had tapped them.
      for (const tx of this.sim.stk.pending().filter((t) => t.plan === "interactive")) {
        settleStk(this.sim, tx.checkoutRequestId, PAID, "auto-approve")
      }
    }
    return this.getSettings()
  }

  listOutcomes(): Record<string, PhoneScript> {
    return Object.fromEntries(this.sim.phoneScripts)
  }

  setOutcome(phone: string, input: OutcomeInput): PhoneScript {
    const msisdn = f.msisdn(phone)
    if (!msisdn) {
      throw new ControlError(`phone must look like 2547XXXXXXXX, got ${phone}`)
    }
    if (!input.interactive && typeof input.resultCode !== "number" && typeof input.resultCode !== "string") {
      throw new ControlError("resultCode (number or string) or interactive: true is required")
    }
    const script: PhoneScript =
      input.interactive || input.resultCode === undefined
        ? "interactive"
        : outcome(input.resultCode, { resultDesc: input.resultDesc, callback: input.callback })
    this.sim.phoneScripts.set(msisdn, script)
    return script
  }

  /** Back to the documented table's entry (or interactive when it has none). */
  clearOutcome(phone: string): void {
    const initial = this.sim.initialScripts.get(phone)
    if (initial) {
      this.sim.phoneScripts.set(phone, initial)
    } else {
      this.sim.phoneScripts.delete(phone)
    }
  }

  addOverride(input: OverrideInput): Override {
    return this.sim.overrides.add(input)
  }

  listOverrides(): Override[] {
    return this.sim.overrides.list()
  }

  removeOverride(id: string): boolean {
    return this.sim.overrides.remove(id)
  }

  clearOverrides(): void {
    this.sim.overrides.clear()
  }

  listRequests(filter: RequestFilter = {}): RequestRecord[] {
    const all = this.sim.requests
      .list()
      .filter((r) => filter.endpoint === undefined || r.endpoint === filter.endpoint)
    return filter.limit ? all.slice(-filter.limit) : all
  }

  listCallbacks(filter: CallbackFilter = {}): CallbackRecord[] {
    return this.sim.callbacks.list(filter)
  }

  /** Resolves with the first finished (delivered or failed) callback matching; rejects on timeout. */
  async waitForCallback(options: WaitOptions = {}): Promise<CallbackRecord> {
    const { timeoutMs = 10_000, ...filter } = options
    const waiting = this.sim.callbacks.wait(filter)
    const timedOut = Symbol("timeout")
    const winner = await Promise.race([
      waiting.promise,
      this.sim.scheduler.sleep(timeoutMs).then(() => timedOut),
    ])
    if (winner === timedOut) {
      waiting.cancel()
      throw new ControlError(`no callback matching ${JSON.stringify(filter)} within ${timeoutMs} ms`, 408)
    }
    return winner as CallbackRecord
  }

  listTransactions(): StkTransaction[] {
    return this.sim.stk.list()
  }

  getTransaction(checkoutRequestId: string): StkTransaction | undefined {
    return this.sim.stk.get(checkoutRequestId)
  }

  /** Prompts still open on a phone. */
  listPrompts(): StkTransaction[] {
    return this.sim.stk.pending()
  }

  /** Answers a prompt with a PIN; without one it pays. The wrong PIN settles with 2001. */
  approve(checkoutRequestId: string, pin?: string): StkTransaction {
    return this.guard(() => approvePrompt(this.sim, checkoutRequestId, pin))
  }

  cancel(checkoutRequestId: string): StkTransaction {
    return this.guard(() => cancelPrompt(this.sim, checkoutRequestId))
  }

  /** Settles a prompt an override held open (`hold: true`) with the result it was scripted to have. */
  release(checkoutRequestId: string): StkTransaction {
    return this.guard(() => releasePrompt(this.sim, checkoutRequestId))
  }

  listLedger(): { payments: LedgerEntry[]; reversals: ReversalEntry[]; payouts: PayoutEntry[] } {
    return {
      payments: this.sim.ledger.list(),
      reversals: this.sim.ledger.listReversals(),
      payouts: this.sim.ledger.listPayouts(),
    }
  }

  /**
   * Pays a paybill, a till or a scanned QR code like a customer: validation
   * (if registered), the ledger, then the confirmation. Resolves with the
   * payment once it is completed or rejected; its confirmation may still be
   * on its way (`waitForCallback({ kind: "c2b-confirmation", transId })`).
   */
  payC2b(input: C2bPayInput): Promise<C2bPayment> {
    return payC2b(this.sim, input)
  }

  /** Every C2B payment attempt, completed or rejected, oldest first. */
  listC2bPayments(filter: C2bPaymentFilter = {}): C2bPayment[] {
    return this.sim.c2bPayments.list(filter)
  }

  getC2bPayment(transId: string): C2bPayment | undefined {
    return this.sim.c2bPayments.get(transId)
  }

  /** Resolves with the first completed or rejected payment matching (e.g. one made through the simulate API); rejects on timeout. */
  async waitForC2bPayment(options: C2bWaitOptions = {}): Promise<C2bPayment> {
    const { timeoutMs = 10_000, ...filter } = options
    const waiting = this.sim.c2bPayments.wait(filter)
    const timedOut = Symbol("timeout")
    const winner = await Promise.race([waiting.promise, this.sim.scheduler.sleep(timeoutMs).then(() => timedOut)])
    if (winner === timedOut) {
      waiting.cancel()
      throw new ControlError(`no C2B payment matching ${JSON.stringify(filter)} within ${timeoutMs} ms`, 408)
    }
    return winner as C2bPayment
  }

  /** Sends a completed payment's confirmation (again): a late arrival after a lost one, or another duplicate. */
  resendC2bConfirmation(transId: string): CallbackRecord {
    return resendC2bConfirmation(this.sim, transId)
  }

  listC2bRegistrations(): C2bRegistration[] {
    return this.sim.c2b.list()
  }

  listPullRegistrations(): PullRegistration[] {
    return this.sim.pull.list()
  }

  /** Dynamic QR codes generated so far, with their payload text. */
  listQrCodes(): QrCodeRecord[] {
    return this.sim.qrCodes.list()
  }

  /** The fields inside a QR payload made by this simulator; 400 with the reason otherwise. */
  readQrCode(payload: string): QrFields {
    return readQrCode(payload)
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      throw new ControlError((error as Error).message, 404)
    }
  }
}
