/**
 * A CheckoutRequestID for logs: Daraja's ends with the phone's last nine
 * digits (`ws_CO_` + timestamp + milliseconds + phone), so those go. The
 * timestamp part still tells one prompt from another when reading a log.
 */
export function redactCheckoutId(checkoutRequestId: string | undefined | null): string {
  if (!checkoutRequestId) {
    return "(no CheckoutRequestID)"
  }
  return checkoutRequestId.length > 12 ? `${checkoutRequestId.slice(0, -9)}…` : "…"
}
