import type { Sim } from "../context"
import { C2bPayInput, readPayInput } from "../c2b/pay-input"
import { C2bPaymentError, ConfirmationShaping, makeC2bPayment, resendConfirmation } from "../c2b/payment"
import type { CallbackRecord } from "../callbacks/store"
import { parseQrPayload, QrFields } from "../qr/payload"
import type { C2bPayment } from "../state/c2b-payments"
import { ControlError } from "./errors"

/** At most this many copies of one confirmation: enough for any duplicate test, not a flood. */
const MAX_COPIES = 20

/** The shaping a caller asked for, keeping only well-typed values (it arrives as JSON over HTTP). */
export const confirmationShaping = (value: unknown): ConfirmationShaping | undefined => {
  if (value === null || typeof value !== "object") {
    return undefined
  }
  const v = value as Record<string, unknown>
  const copies = typeof v.copies === "number" && Number.isInteger(v.copies) ? v.copies : undefined
  const delayMs = typeof v.delayMs === "number" && v.delayMs >= 0 ? v.delayMs : undefined
  if (copies !== undefined && (copies < 1 || copies > MAX_COPIES)) {
    throw new ControlError(`confirmation.copies must be a whole number from 1 to ${MAX_COPIES}`)
  }
  return { skip: v.skip === true, copies, delayMs }
}

/**
 * A payment from the phone page or the control API. Without explicit
 * `confirmation` shaping, an override for `c2b-simulate` (matching phone and
 * amount, without a fault) shapes it, so one mechanism loses or duplicates
 * confirmations however the customer paid.
 */
export const payC2b = async (sim: Sim, input: C2bPayInput): Promise<C2bPayment> => {
  const read = readPayInput(input ?? ({} as C2bPayInput))
  if (!read.ok) {
    throw new ControlError(read.error)
  }
  const asked = confirmationShaping(input.confirmation)
  const request = read.request
  const qr = input.channel === "qr" ? sim.qrCodes.findByPayload(input.qrCode ?? "") : undefined
  const override = asked
    ? undefined
    : sim.overrides.take(
        { endpoint: "c2b-simulate", phone: request.msisdn, amount: request.amount },
        (o) => o.fault === undefined
      )
  const shaping = asked ?? override?.callback ?? {}
  return makeC2bPayment(sim, { ...request, qrRequestId: qr?.requestId }, shaping)
}

export const resendC2bConfirmation = (sim: Sim, transId: string): CallbackRecord => {
  try {
    return resendConfirmation(sim, transId)
  } catch (error) {
    if (error instanceof C2bPaymentError) {
      throw new ControlError(error.message, error.status)
    }
    throw error
  }
}

export const readQrCode = (text: unknown): QrFields => {
  const read = parseQrPayload(typeof text === "string" ? text : "")
  if (!read.ok) {
    throw new ControlError(read.error)
  }
  return read.fields
}
