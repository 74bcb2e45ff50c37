import type { ResolvedMpesaOptions } from "./types"

/** Open secret used when none is configured outside production (the simulator). */
export const DEV_CALLBACK_SECRET = "dev-callback"

export function callbackSecret(options: Pick<ResolvedMpesaOptions, "callbackSecret">): string {
  return options.callbackSecret ?? DEV_CALLBACK_SECRET
}

/**
 * Where Daraja POSTs STK results. The path avoids words Daraja refuses in
 * callback URLs ("mpesa" among them), so it is not Medusa's
 * /hooks/payment/mpesa_mpesa; the secret segment is what makes it unguessable.
 */
export function stkCallbackUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/stk/${callbackSecret(options)}`
}

/** Where Daraja POSTs Reversal results (and queue time-outs). */
export function reversalResultUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/reversal/${callbackSecret(options)}`
}

/** Where Daraja POSTs B2C results (partial refunds paid to the shopper). */
export function b2cResultUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/b2c/${callbackSecret(options)}`
}

/** Where Daraja POSTs Transaction Status results (what confirms a refund). */
export function statusResultUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/status/${callbackSecret(options)}`
}

/** Where Daraja POSTs C2B confirmations (paybill/till payments made without a prompt). */
export function c2bConfirmationUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/c2b/confirmation/${callbackSecret(options)}`
}

/** Where Daraja asks whether to accept a C2B payment (when the merchant enabled validation). */
export function c2bValidationUrl(options: Pick<ResolvedMpesaOptions, "callbackUrl" | "callbackSecret">): string {
  return `${options.callbackUrl}/hooks/daraja/c2b/validation/${callbackSecret(options)}`
}
