import type { Metadata } from "next"
import Link from "next/link"
import { OrderList } from "@/components/account/order-list"
import { retrieveCustomer } from "@/lib/data/customer"
import { listCustomerOrders } from "@/lib/data/orders"
import { countyName } from "@/lib/util/kenya"

export const metadata: Metadata = { title: "Your account", robots: { index: false } }

export default async function AccountPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, { orders }] = await Promise.all([retrieveCustomer(), listCustomerOrders(3)])
  if (!customer) {
    return null
  }
  const address = customer.addresses?.find((a) => a.is_default_shipping) ?? customer.addresses?.[0]
  return (
    <div className="stack">
      <h1>Habari, {customer.first_name || "there"}</h1>
      <p className="muted">Signed in as {customer.email}</p>
      <section className="panel" aria-labelledby="recent-orders">
        <div className="section__head">
          <h2 id="recent-orders" className="h3">
            Recent orders
          </h2>
          <Link href={`/${country}/account/orders`}>All orders</Link>
        </div>
        {orders.length ? (
          <OrderList orders={orders} country={country} />
        ) : (
          <p className="muted">
            No orders yet. <Link href={`/${country}/store`}>Start shopping</Link>
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="default-address">
        <div className="section__head">
          <h2 id="default-address" className="h3">
            Delivery address
          </h2>
          <Link href={`/${country}/account/addresses`}>Manage</Link>
        </div>
        {address ? (
          <address>
            {[address.address_1, address.city, countyName(address.province)].filter(Boolean).join(", ")}
          </address>
        ) : (
          <p className="muted">No address saved yet. It&apos;s saved for you at your first checkout.</p>
        )}
      </section>
    </div>
  )
}
