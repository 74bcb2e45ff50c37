import { useFormatter, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import { MediaImage } from "./media-image"

type Line = {
  id: string
  title: string
  product_title?: string | null
  variant_title?: string | null
  quantity: number
  thumbnail?: string | null
  total?: number | null
  unit_price?: number | null
}

/** A compact list of lines: picture, name, option, quantity and line total. */
export function LineSummary({ items, currency }: { items: Line[]; currency: string }) {
  const t = useTranslations("cart")
  const format = useFormatter()
  return (
    <ul className="summary-list">
      {items.map((item) => (
        <li key={item.id}>
          <MediaImage src={item.thumbnail} alt="" size={48} />
          <div style={{ flex: 1 }}>
            <div style={{ fontWeight: 600 }}>{item.product_title ?? item.title}</div>
            <div className="small muted">
              {item.variant_title && item.variant_title !== "Default" ? `${item.variant_title} · ` : ""}
              {t("qty", { quantity: item.quantity })}
            </div>
          </div>
          <div className="price">{formatMoney(item.total ?? (item.unit_price ?? 0) * (item.quantity ?? 1), currency, format)}</div>
        </li>
      ))}
    </ul>
  )
}
