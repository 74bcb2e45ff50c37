import type { HttpTypes } from "@medusajs/types"
import { useLocale, useTranslations } from "next-intl"
import { countryName, countyName } from "@/lib/util/kenya"
import { displayKenyanPhone } from "@/lib/util/phone"
import { LineSummary } from "../line-summary"
import { Totals } from "../totals"

/** Items, delivery and totals of a placed order (confirmation, account, tracking). */
export function OrderDetails({ order }: { order: HttpTypes.StoreOrder }) {
  const t = useTranslations("orderDetails")
  const locale = useLocale()
  const a = order.shipping_address
  const method = order.shipping_methods?.[0]
  return (
    <div className="cart-layout">
      <section className="panel" aria-labelledby="order-items">
        <h2 id="order-items" className="h3">
          {t("items")}
        </h2>
        <LineSummary items={order.items ?? []} currency={order.currency_code} />
        <Totals totals={order} />
      </section>
      <section className="panel panel--soft stack" aria-labelledby="order-delivery">
        <h2 id="order-delivery" className="h3">
          {t("delivery")}
        </h2>
        {a ? (
          <address>
            {a.first_name} {a.last_name}
            <br />
            {displayKenyanPhone(a.phone)}
            <br />
            {[a.address_1, a.address_2].filter(Boolean).join(", ")}
            <br />
            {[a.city, countyName(a.province), countryName(a.country_code ?? "", null, locale)].filter(Boolean).join(", ")}
          </address>
        ) : null}
        {method ? <p style={{ margin: 0 }}>{method.name}</p> : null}
        <p className="small muted" style={{ margin: 0 }}>
          {t("updatesTo", { email: order.email ?? "" })}
        </p>
      </section>
    </div>
  )
}
