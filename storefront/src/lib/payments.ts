/**
 * Which ways to pay the checkout offers, from the providers the region lists.
 * M-Pesa first (it is how Kenyans pay), then card when Stripe is configured in
 * the backend AND the storefront has Stripe's publishable key, then cash.
 */
export type PaymentKind = "mpesa" | "card" | "manual"

/** A way to pay; pages name and describe it in the shopper's language (`payment.<kind>`). */
export type PaymentMethod = {
  providerId: string
  kind: PaymentKind
}

export const MPESA_PROVIDER = "pp_mpesa_mpesa"
export const MANUAL_PROVIDER = "pp_system_default"

export const isMpesa = (id?: string | null) => Boolean(id?.startsWith("pp_mpesa"))
export const isStripe = (id?: string | null) => Boolean(id?.startsWith("pp_stripe"))
export const isManual = (id?: string | null) => Boolean(id?.startsWith("pp_system"))

export function paymentKind(id?: string | null): PaymentKind | null {
  return isMpesa(id) ? "mpesa" : isStripe(id) ? "card" : isManual(id) ? "manual" : null
}

const ORDER: Record<PaymentKind, number> = { mpesa: 0, card: 1, manual: 2 }

export function availablePaymentMethods(providerIds: string[], options: { stripeKey?: string | null }): PaymentMethod[] {
  const methods: PaymentMethod[] = []
  for (const id of providerIds) {
    const kind = paymentKind(id)
    if (kind === "mpesa" && !methods.some((m) => m.kind === "mpesa")) {
      methods.push({ providerId: id, kind })
    } else if (kind === "card" && options.stripeKey && id === "pp_stripe_stripe") {
      methods.push({ providerId: id, kind })
    } else if (kind === "manual" && !methods.some((m) => m.kind === "manual")) {
      methods.push({ providerId: id, kind })
    }
  }
  return methods.sort((a, b) => ORDER[a.kind] - ORDER[b.kind])
}
