import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { CancelOrder } from "@/components/account/cancel-order"
import { OrderDetails } from "@/components/order/order-details"
import { Timeline } from "@/components/order/timeline"
import { retrieveCustomer } from "@/lib/data/customer"
import { orderPaymentProvider, retrieveOrder, retrieveOrderLifecycle } from "@/lib/data/orders"
import { orderStatusLabel } from "@/lib/order-status"
import { isMpesa } from "@/lib/payments"
import { STATUS_LABELS, timelineSteps } from "@/lib/tracking"

export const metadata: Metadata = { title: "Order details", robots: { index: false } }

export default async function AccountOrderPage({ params }: { params: Promise<{ country: string; id: string }> }) {
  const { country, id } = await params
  const [order, customer] = await Promise.all([retrieveOrder(id), retrieveCustomer()])
  if (!order || !customer || (order.customer_id && order.customer_id !== customer.id) || order.email !== customer.email) {
    notFound()
  }
  const lifecycle = await retrieveOrderLifecycle(order.id)
  const status = lifecycle ? { label: lifecycle.label, tone: lifecycle.final ? "" : "badge--ok" } : orderStatusLabel(order)
  const awaitingMpesa =
    isMpesa(orderPaymentProvider(order)) &&
    (lifecycle ? ["awaiting_payment", "payment_failed"].includes(lifecycle.status) : status.label === "Awaiting payment")
  return (
    <div className="stack">
      <p>
        <Link href={`/${country}/account/orders`}>← All orders</Link>
      </p>
      <div className="spread">
        <h1 style={{ margin: 0 }}>Order #{order.display_id}</h1>
        <span className={`badge ${status.tone}`}>{status.label}</span>
      </div>
      <p className="muted">
        Placed {new Date(order.created_at as string).toLocaleString("en-KE", { dateStyle: "medium", timeStyle: "short", timeZone: "Africa/Nairobi" })}
      </p>
      {awaitingMpesa ? (
        <p className="notice notice--warn">
          This order is waiting for its M-Pesa payment.{" "}
          <Link href={`/${country}/order/${order.id}/pay`}>Pay now</Link>
        </p>
      ) : null}
      {lifecycle ? (
        <section className="panel" aria-labelledby="order-progress">
          <h2 id="order-progress" className="h3">
            Progress
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
        <Link href={`/${country}/track?order=${order.display_id}&email=${encodeURIComponent(order.email ?? "")}`}>Track this order</Link>
      </p>
    </div>
  )
}
