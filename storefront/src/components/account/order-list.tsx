import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { orderStatusLabel } from "@/lib/order-status"
import { formatMoney } from "@/lib/util/money"

export function OrderList({ orders, country }: { orders: HttpTypes.StoreOrder[]; country: string }) {
  return (
    <ul className="order-list">
      {orders.map((o) => {
        const status = orderStatusLabel(o)
        const count = (o.items ?? []).reduce((n, i) => n + (i.quantity ?? 0), 0)
        return (
          <li key={o.id}>
            <Link href={`/${country}/account/orders/${o.id}`} data-testid={`order-${o.display_id}`}>
              <span className="spread">
                <strong>Order #{o.display_id}</strong>
                <span className={`badge ${status.tone}`}>{status.label}</span>
              </span>
              <span className="small muted">
                {new Date(o.created_at as string).toLocaleDateString("en-KE", { day: "numeric", month: "short", year: "numeric", timeZone: "Africa/Nairobi" })} ·{" "}
                {count} {count === 1 ? "item" : "items"} · {formatMoney(o.total, o.currency_code)}
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
