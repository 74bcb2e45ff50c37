import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { useFormatter, useTranslations } from "next-intl"
import { orderStatusLabel } from "@/lib/order-status"
import { formatMoney } from "@/lib/util/money"

export function OrderList({ orders, country }: { orders: HttpTypes.StoreOrder[]; country: string }) {
  const t = useTranslations("account")
  const ts = useTranslations("orderStatus")
  const format = useFormatter()
  return (
    <ul className="order-list">
      {orders.map((o) => {
        const status = orderStatusLabel(o)
        const count = (o.items ?? []).reduce((n, i) => n + (i.quantity ?? 0), 0)
        return (
          <li key={o.id}>
            <Link href={`/${country}/account/orders/${o.id}`} data-testid={`order-${o.display_id}`}>
              <span className="spread">
                <strong>{t("orderNumber", { number: o.display_id ?? "" })}</strong>
                <span className={`badge ${status.tone}`}>{ts(status.key)}</span>
              </span>
              <span className="small muted">
                {format.dateTime(new Date(o.created_at as string), "short")} · {t("itemCount", { count })} ·{" "}
                {formatMoney(o.total, o.currency_code, format)}
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
