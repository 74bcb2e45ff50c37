"use client"

import { useTranslations } from "next-intl"
import { useEffect, useRef, useState } from "react"
import { placeOrder } from "@/lib/data/checkout-actions"
import { useFormAction } from "../action-form"
import { FormError } from "../field"

/* Minimal typings for the parts of Stripe.js used here. */
type StripeElement = { mount: (el: HTMLElement) => void; destroy: () => void }
type StripeElements = { create: (type: "payment") => StripeElement; submit: () => Promise<{ error?: { message?: string } }> }
type StripeResult = { error?: { message?: string }; paymentIntent?: { status: string } }
type StripeInstance = {
  elements: (options: { clientSecret: string; appearance?: unknown }) => StripeElements
  confirmPayment: (options: { elements: StripeElements; redirect: "if_required"; confirmParams?: { return_url: string } }) => Promise<StripeResult>
}
declare global {
  interface Window {
    Stripe?: (key: string) => StripeInstance
  }
}

const STRIPE_JS = "https://js.stripe.com/v3/"
let loading: Promise<void> | undefined

/** Loads Stripe.js once, only on the review step of a card payment (the only third-party request the shop makes). */
function loadStripe(): Promise<void> {
  if (window.Stripe) {
    return Promise.resolve()
  }
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement("script")
    script.src = STRIPE_JS
    script.async = true
    script.onload = () => resolve()
    script.onerror = () => {
      loading = undefined
      reject(new Error("Stripe.js could not load"))
    }
    document.head.appendChild(script)
  })
  return loading
}

export function StripeCardPayment({
  country,
  publishableKey,
  clientSecret,
  label,
}: {
  country: string
  publishableKey: string
  clientSecret: string
  label: string
}) {
  const t = useTranslations("card")
  const mountRef = useRef<HTMLDivElement>(null)
  const stripeRef = useRef<{ stripe: StripeInstance; elements: StripeElements } | null>(null)
  const [ready, setReady] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const { state, submit } = useFormAction(placeOrder)

  useEffect(() => {
    let element: StripeElement | undefined
    let cancelled = false
    if (!clientSecret) {
      return
    }
    loadStripe()
      .then(() => {
        if (cancelled || !window.Stripe || !mountRef.current) {
          return
        }
        const stripe = window.Stripe(publishableKey)
        const elements = stripe.elements({ clientSecret, appearance: { theme: "stripe", variables: { colorPrimary: "#0b6b3a" } } })
        element = elements.create("payment")
        element.mount(mountRef.current)
        stripeRef.current = { stripe, elements }
        setReady(true)
      })
      .catch(() => setError(t("loadFailed")))
    return () => {
      cancelled = true
      element?.destroy()
    }
  }, [clientSecret, publishableKey, t])

  const pay = async () => {
    const s = stripeRef.current
    if (!s) {
      return
    }
    setBusy(true)
    setError(undefined)
    const submitted = await s.elements.submit()
    if (submitted.error) {
      setError(submitted.error.message ?? t("checkCard"))
      setBusy(false)
      return
    }
    const result = await s.stripe.confirmPayment({
      elements: s.elements,
      redirect: "if_required",
      confirmParams: { return_url: `${window.location.origin}/${country}/checkout?step=review` },
    })
    if (result.error) {
      setError(result.error.message ?? t("declined"))
      setBusy(false)
      return
    }
    const form = new FormData()
    form.set("country", country)
    submit(form)
  }

  return (
    <div className="stack" data-testid="stripe-card">
      <FormError message={clientSecret ? (error ?? state.error) : t("notReady")} />
      <div ref={mountRef} style={{ minHeight: 180 }} aria-busy={!ready} />
      <button className="btn btn--block" type="button" onClick={pay} disabled={!ready || busy} aria-disabled={!ready || busy}>
        {busy ? t("paying") : label}
      </button>
    </div>
  )
}
