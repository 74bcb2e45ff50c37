import type { Metadata } from "next"
import Link from "next/link"
import { OrderList } from "@/components/account/order-list"
import { listCustomerOrders } from "@/lib/data/orders"

export const metadata: Metadata = { title: "Your orders", robots: { index: false } }

const PAGE = 10

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ page?: string }> }

export default async function OrdersPage({ params, searchParams }: Props) {
  const { country } = await params
  const page = Math.max(1, Number((await searchParams).page) || 1)
  const { orders, count } = await listCustomerOrders(PAGE, (page - 1) * PAGE)
  const pages = Math.max(1, Math.ceil(count / PAGE))
  return (
    <div className="stack">
      <h1>Your orders</h1>
      {orders.length ? (
        <OrderList orders={orders} country={country} />
      ) : (
        <div className="empty">
          <p>You haven&apos;t ordered anything yet.</p>
          <Link className="btn" href={`/${country}/store`}>
            Start shopping
          </Link>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="row">
          {page > 1 ? <Link href={`/${country}/account/orders?page=${page - 1}`}>‹ Newer</Link> : null}
          <span className="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/${country}/account/orders?page=${page + 1}`}>Older ›</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}
