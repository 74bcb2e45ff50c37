import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getLocale, getTranslations } from "next-intl/server"
import { redirect } from "next/navigation"
import { type AddressValues, AddressForm } from "@/components/checkout/address-form"
import { type DeliveryOption, DeliveryForm } from "@/components/checkout/delivery-form"
import { PaymentForm } from "@/components/checkout/payment-form"
import { PlaceOrder } from "@/components/checkout/place-order"
import { StripeCardPayment } from "@/components/checkout/stripe-card"
import { LineSummary } from "@/components/line-summary"
import { Totals } from "@/components/totals"
import { currentStep, isStepDone, paymentChoice, type Step, STEPS } from "@/lib/checkout"
import { stripePublishableKey } from "@/lib/config"
import { listPaymentProviders, listShippingOptions, retrieveCart } from "@/lib/data/cart"
import { getPaymentChoice } from "@/lib/data/cookies"
import { retrieveCustomer } from "@/lib/data/customer"
import { availablePaymentMethods, isMpesa, isStripe, paymentKind } from "@/lib/payments"
import { countryName, countyName } from "@/lib/util/kenya"
import { formatMoney } from "@/lib/util/money"
import { displayKenyanPhone, withPhoneDisplay } from "@/lib/util/phone"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title"), robots: { index: false } }
}

type Props = {
  params: Promise<{ country: string }>
  searchParams: Promise<{ step?: string }>
}

export default async function CheckoutPage({ params, searchParams }: Props) {
  const { country } = await params
  const { step: requested } = await searchParams
  const [stored, customer, t, format, locale] = await Promise.all([
    retrieveCart(),
    retrieveCustomer().catch(() => null),
    getTranslations("checkout"),
    getFormatter(),
    getLocale(),
  ])
  if (!stored || !(stored.items ?? []).length) {
    redirect(`/${country}/cart`)
  }
  const cart = { ...stored, payment: await getPaymentChoice(stored.id) }
  const step = currentStep(cart, requested)
  const currency = cart.currency_code
  const address = cart.shipping_address
  const choice = paymentChoice(cart)
  const stripeKey = stripePublishableKey()

  const [shippingOptions, providers] = await Promise.all([
    step === "delivery" ? listShippingOptions(cart.id).catch(() => []) : Promise.resolve([]),
    step === "payment" || step === "review" ? listPaymentProviders(cart.region_id!) : Promise.resolve([]),
  ])
  const methods = availablePaymentMethods(providers, { stripeKey })
  const countries = (cart.region?.countries ?? []).map((c) => ({
    code: (c.iso_2 ?? "").toLowerCase(),
    name: countryName(c.iso_2 ?? "", c.display_name, locale),
  }))

  const initialAddress: AddressValues = address?.address_1
    ? { ...address, email: cart.email }
    : (() => {
        const saved = customer?.addresses?.find((a) => a.is_default_shipping) ?? customer?.addresses?.[0]
        return {
          email: cart.email ?? customer?.email,
          first_name: saved?.first_name ?? customer?.first_name,
          last_name: saved?.last_name ?? customer?.last_name,
          phone: saved?.phone ?? customer?.phone,
          ...(saved ?? {}),
        } as AddressValues
      })()

  const deliveryOptions: DeliveryOption[] = shippingOptions.map((o) => ({
    id: o.id,
    name: o.name,
    amount: typeof o.amount === "number" ? o.amount : (o.calculated_price?.calculated_amount ?? null),
    description: o.type?.description ?? undefined,
    unavailable: Boolean(o.insufficient_inventory),
  }))

  const chosenKind = paymentKind(choice.providerId)
  const stripeSession = cart.payment_collection?.payment_sessions?.find((s) => isStripe(s.provider_id))
  const total = formatMoney(cart.total ?? 0, currency, format)
  const stepLabel = (s: Step) => t("step", { step: s })

  const section = (s: Step, body: React.ReactNode, summary: React.ReactNode) => {
    const done = isStepDone(cart, s) && s !== step
    const open = s === step
    const reachable = STEPS.indexOf(s) <= STEPS.indexOf(currentStep(cart))
    return (
      <section className={`step${done ? " step--done" : ""}`} aria-labelledby={`step-${s}`} key={s} data-testid={`step-${s}`}>
        <div className="step__head">
          <h2 id={`step-${s}`} className="h3">
            {STEPS.indexOf(s) + 1}. {stepLabel(s)}
          </h2>
          {done && reachable && s !== "review" ? (
            <Link href={`/${country}/checkout?step=${s}`} className="small">
              {t("change")}
              <span className="visually-hidden"> {stepLabel(s).toLowerCase()}</span>
            </Link>
          ) : null}
        </div>
        {open ? <div style={{ marginTop: 14 }}>{body}</div> : done ? <div className="small" style={{ marginTop: 8 }}>{summary}</div> : null}
      </section>
    )
  }

  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <ol className="steps" aria-label={t("progress")}>
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className={isStepDone(cart, s) ? "is-done" : undefined}>
            {stepLabel(s)}
            {isStepDone(cart, s) ? <span className="visually-hidden"> {t("done")}</span> : null}
          </li>
        ))}
      </ol>
      <div className="checkout">
        <div>
          {!customer && step === "address" ? (
            <p className="notice">
              {t.rich("signInPrompt", {
                link: (chunks) => <Link href={`/${country}/account/login?next=/${country}/checkout`}>{chunks}</Link>,
              })}
            </p>
          ) : null}
          {section(
            "address",
            <AddressForm
              country={country}
              countries={countries}
              initial={withPhoneDisplay(initialAddress)}
              saved={(customer?.addresses ?? []).map((a) => withPhoneDisplay({ ...a, id: a.id }))}
              signedInEmail={customer?.email}
            />,
            address ? (
              <address>
                {cart.email}
                <br />
                {address.first_name} {address.last_name}, {displayKenyanPhone(address.phone)}
                <br />
                {[address.address_1, address.address_2, address.city, countyName(address.province), countryName(address.country_code ?? "", null, locale)]
                  .filter(Boolean)
                  .join(", ")}
              </address>
            ) : null
          )}
          {section(
            "delivery",
            deliveryOptions.length ? (
              <DeliveryForm
                country={country}
                options={deliveryOptions}
                currency={currency}
                selected={cart.shipping_methods?.[0]?.shipping_option_id ?? undefined}
              />
            ) : (
              <p className="notice notice--warn" role="alert">
                {t.rich("noDelivery", { link: (chunks) => <Link href={`/${country}/checkout?step=address`}>{chunks}</Link> })}
              </p>
            ),
            cart.shipping_methods?.[0] ? (
              <p style={{ margin: 0 }}>
                {cart.shipping_methods[0].name} —{" "}
                {cart.shipping_methods[0].amount === 0 ? t("free") : formatMoney(cart.shipping_methods[0].amount, currency, format)}
              </p>
            ) : null
          )}
          {section(
            "payment",
            <PaymentForm
              country={country}
              methods={methods}
              selected={choice.providerId}
              phone={displayKenyanPhone(choice.phone ?? address?.phone ?? customer?.phone)}
            />,
            chosenKind ? (
              <p style={{ margin: 0 }}>
                {t("methodName", { kind: chosenKind })}
                {isMpesa(choice.providerId) ? ` — ${displayKenyanPhone(choice.phone)}` : ""}
              </p>
            ) : null
          )}
          {section(
            "review",
            <div className="stack">
              <p style={{ margin: 0 }}>
                {t.rich("reviewText", {
                  kind: chosenKind ?? "manual",
                  phone: displayKenyanPhone(choice.phone),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              {chosenKind === "card" && stripeKey && stripeSession ? (
                <StripeCardPayment
                  country={country}
                  publishableKey={stripeKey}
                  clientSecret={String((stripeSession.data as Record<string, unknown> | undefined)?.client_secret ?? "")}
                  label={t("payCard", { total })}
                />
              ) : (
                <PlaceOrder
                  country={country}
                  label={chosenKind === "mpesa" ? t("payMpesa", { total }) : t("placeOrder", { total })}
                  pendingLabel={chosenKind === "mpesa" ? t("sendingPrompt") : t("placing")}
                />
              )}
              <p className="small muted" style={{ margin: 0 }}>
                {t("agree")}
              </p>
            </div>,
            null
          )}
        </div>
        <aside className="panel panel--soft" aria-label={t("summary")}>
          <h2 className="h3">{t("summary")}</h2>
          <LineSummary items={cart.items ?? []} currency={currency} />
          <Totals totals={cart} />
          <p className="small" style={{ marginTop: 12, marginBottom: 0 }}>
            <Link href={`/${country}/cart`}>{t("editCart")}</Link>
          </p>
        </aside>
      </div>
    </div>
  )
}
