import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { OrderDetails } from "@/components/order/order-details"
import { retrieveCustomer } from "@/lib/data/customer"
import { orderPaymentProvider, retrieveOrder } from "@/lib/data/orders"
import { orderStatusLabel } from "@/lib/order-status"
import { isMpesa } from "@/lib/payments"

export const metadata: Metadata = { title: "Order details", robots: { index: false } }

export default async function AccountOrderPage({ params }: { params: Promise<{ country: string; id: string }> }) {
  const { country, id } = await params
  const [order, customer] = await Promise.all([retrieveOrder(id), retrieveCustomer()])
  if (!order || !customer || (order.customer_id && order.customer_id !== customer.id) || order.email !== customer.email) {
    notFound()
  }
  const status = orderStatusLabel(order)
  const awaitingMpesa = isMpesa(orderPaymentProvider(order)) && status.label === "Awaiting payment"
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
      <OrderDetails order={order} />
      <p>
        <Link href={`/${country}/track?order=${order.display_id}&email=${encodeURIComponent(order.email ?? "")}`}>Track this order</Link>
      </p>
    </div>
  )
}
