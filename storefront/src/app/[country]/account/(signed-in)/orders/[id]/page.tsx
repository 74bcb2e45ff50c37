import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { CancelOrder } from "@/components/account/cancel-order"
import { OrderDetails } from "@/components/order/order-details"
import { Timeline } from "@/components/order/timeline"
import { retrieveCustomer } from "@/lib/data/customer"
import { orderPaymentProvider, retrieveOrder, retrieveOrderLifecycle } from "@/lib/data/orders"
import { orderStatusLabel } from "@/lib/order-status"
import { isMpesa } from "@/lib/payments"
import { STATUS_LABELS, timelineSteps } from "@/lib/tracking"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orderPage"))("metaTitle"), robots: { index: false } }
}

export default async function AccountOrderPage({ params }: { params: Promise<{ country: string; id: string }> }) {
  const { country, id } = await params
  const [order, customer] = await Promise.all([retrieveOrder(id), retrieveCustomer()])
  if (!order || !customer || (order.customer_id && order.customer_id !== customer.id) || order.email !== customer.email) {
    notFound()
  }
  const lifecycle = await retrieveOrderLifecycle(order.id)
  const [t, words, track, format] = await Promise.all([
    getTranslations("orderStatus"),
    getTranslations("orderPage"),
    getTranslations("track"),
    getFormatter(),
  ])
  const fallback = orderStatusLabel(order)
  const status = lifecycle
    ? { label: track("status", { status: lifecycle.status, label: lifecycle.label }), tone: lifecycle.final ? "" : "badge--ok" }
    : { label: t(fallback.key), tone: fallback.tone }
  const awaitingMpesa =
    isMpesa(orderPaymentProvider(order)) &&
    (lifecycle ? ["awaiting_payment", "payment_failed"].includes(lifecycle.status) : fallback.key === "awaitingPayment")
  return (
    <div className="stack">
      <p>
        <Link href={`/${country}/account/orders`}>{words("allOrders")}</Link>
      </p>
      <div className="spread">
        <h1 style={{ margin: 0 }}>{words("title", { number: order.display_id ?? "" })}</h1>
        <span className={`badge ${status.tone}`}>{status.label}</span>
      </div>
      <p className="muted">
        {words("placed", { date: format.dateTime(new Date(order.created_at as string), "medium") })}
      </p>
      {awaitingMpesa ? (
        <p className="notice notice--warn">
          {words("awaitingMpesa")} <Link href={`/${country}/order/${order.id}/pay`}>{words("payNow")}</Link>
        </p>
      ) : null}
      {lifecycle ? (
        <section className="panel" aria-labelledby="order-progress">
          <h2 id="order-progress" className="h3">
            {words("progress")}
          </h2>
          <Timeline
            steps={timelineSteps({
              status: lifecycle.status,
              final: lifecycle.final,
              timeline: lifecycle.timeline.map((t) => ({ status: t.status, label: STATUS_LABELS[t.status] ?? t.status, at: t.at })),
            })}
          />
        </section>
      ) : null}
      <OrderDetails order={order} />
      {lifecycle?.allowed_next.includes("cancelled") ? <CancelOrder orderId={order.id} /> : null}
      <p>
        <Link href={`/${country}/track?order=${order.display_id}&email=${encodeURIComponent(order.email ?? "")}`}>{words("track")}</Link>
      </p>
    </div>
  )
}
