import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderDetails } from "@/components/order/order-details"
import { mpesaStatus, orderTokenFor } from "@/lib/data/mpesa"
import { orderPaymentProvider, retrieveOrder } from "@/lib/data/orders"
import { type MpesaStatus, orderPagePath } from "@/lib/mpesa"
import { paymentKind } from "@/lib/payments"
import { formatMoney } from "@/lib/util/money"

export const metadata: Metadata = { title: "Order confirmed", robots: { index: false } }

const PAID = ["captured", "authorized", "partially_captured"]

type Props = { params: Promise<{ country: string; id: string }>; searchParams: Promise<{ token?: string | string[] }> }

export default async function ConfirmedPage({ params, searchParams }: Props) {
  const { country, id } = await params
  const order = await retrieveOrder(id)
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
  const total = formatMoney(order.total, order.currency_code)
  const trackHref = `/${country}/track?order=${order.display_id}&email=${encodeURIComponent(order.email ?? "")}`

  return (
    <div className="container page" data-testid="order-confirmed">
      <p className="badge badge--ok">Order #{order.display_id}</p>
      <h1 style={{ marginTop: 10 }}>
        {kind === "mpesa" && !mpesaPaid ? "Your order is saved" : `Thank you${name ? `, ${name}` : ""}! Your order is placed.`}
      </h1>
      <p>
        Order number <strong data-testid="order-number">#{order.display_id}</strong>. A receipt is on its way to{" "}
        <strong>{order.email}</strong>.
      </p>

      {kind === "mpesa" ? (
        mpesaPaid ? (
          <p className="notice notice--success" data-testid="payment-state">
            Paid {total} with M-Pesa{mpesa?.receipt ? ` · receipt ${mpesa.receipt}` : ""}.
          </p>
        ) : (
          <div className="notice notice--warn" data-testid="payment-state">
            <p>
              <strong>Waiting for your M-Pesa payment of {total}.</strong> We prepare your order as soon as it&apos;s paid.
            </p>
            <p>
              <Link className="btn btn--small" href={orderPagePath(country, order.id, "pay", token)}>
                Pay now with M-Pesa
              </Link>
            </p>
          </div>
        )
      ) : kind === "card" ? (
        <p className="notice notice--success" data-testid="payment-state">
          {paid ? `Paid ${total} by card.` : `Card payment of ${total} is being confirmed.`}
        </p>
      ) : (
        <p className="notice" data-testid="payment-state">
          <strong>Pay on delivery:</strong> have {total} ready in cash or M-Pesa when your order arrives.
        </p>
      )}

      <OrderDetails order={order} />

      <div className="row" style={{ marginTop: 20 }}>
        <Link className="btn btn--secondary" href={trackHref} data-testid="track-link">
          Track this order
        </Link>
        <Link href={`/${country}/store`}>Continue shopping</Link>
      </div>
    </div>
  )
}
