import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { OrderDetails } from "@/components/order/order-details"
import { mpesaStatus, orderTokenFor } from "@/lib/data/mpesa"
import { orderPaymentProvider, retrieveOrder } from "@/lib/data/orders"
import { type MpesaStatus, orderPagePath } from "@/lib/mpesa"
import { paymentKind } from "@/lib/payments"
import { formatMoney } from "@/lib/util/money"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirmed"))("metaTitle"), robots: { index: false } }
}

const PAID = ["captured", "authorized", "partially_captured"]

type Props = { params: Promise<{ country: string; id: string }>; searchParams: Promise<{ token?: string | string[] }> }

export default async function ConfirmedPage({ params, searchParams }: Props) {
  const { country, id } = await params
  const [order, t, format] = await Promise.all([retrieveOrder(id), getTranslations("confirmed"), getFormatter()])
  if (!order) {
    notFound()
  }
  const token = await orderTokenFor(order.id, (await searchParams).token)
  const kind = paymentKind(orderPaymentProvider(order))
  const paid = PAID.includes(String(order.payment_status))
  let mpesa: MpesaStatus | null = null
  if (kind === "mpesa") {
    mpesa = await mpesaStatus({ order_id: order.id, token }).catch(() => null)
  }
  const mpesaPaid = paid || mpesa?.status === "paid"
  const name = order.shipping_address?.first_name
  const total = formatMoney(order.total, order.currency_code, format)
  const trackHref = `/${country}/track?order=${order.display_id}&email=${encodeURIComponent(order.email ?? "")}`

  return (
    <div className="container page" data-testid="order-confirmed">
      <p className="badge badge--ok">{t("orderNumber", { number: order.display_id ?? "" })}</p>
      <h1 style={{ marginTop: 10 }}>
        {kind === "mpesa" && !mpesaPaid ? t("saved") : name ? t("thanksNamed", { name }) : t("thanks")}
      </h1>
      <p>
        {t.rich("receipt", {
          number: order.display_id ?? "",
          email: order.email ?? "",
          order: (chunks) => <strong data-testid="order-number">{chunks}</strong>,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>

      {kind === "mpesa" ? (
        mpesaPaid ? (
          <p className="notice notice--success" data-testid="payment-state">
            {mpesa?.receipt ? t("paidMpesaReceipt", { total, receipt: mpesa.receipt }) : t("paidMpesa", { total })}
          </p>
        ) : (
          <div className="notice notice--warn" data-testid="payment-state">
            <p>
              {t.rich("waitingMpesa", { total, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <p>
              <Link className="btn btn--small" href={orderPagePath(country, order.id, "pay", token)}>
                {t("payNow")}
              </Link>
            </p>
          </div>
        )
      ) : kind === "card" ? (
        <p className="notice notice--success" data-testid="payment-state">
          {paid ? t("paidCard", { total }) : t("confirmingCard", { total })}
        </p>
      ) : (
        <p className="notice" data-testid="payment-state">
          {t.rich("payOnDelivery", { total, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}

      <OrderDetails order={order} />

      <div className="row" style={{ marginTop: 20 }}>
        <Link className="btn btn--secondary" href={trackHref} data-testid="track-link">
          {t("track")}
        </Link>
        <Link href={`/${country}/store`}>{t("continueShopping")}</Link>
      </div>
    </div>
  )
}
