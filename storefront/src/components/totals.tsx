import { useFormatter, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"

export type TotalsLike = {
  currency_code: string
  total?: number | null
  tax_total?: number | null
  discount_total?: number | null
  shipping_total?: number | null
  shipping_subtotal?: number | null
  original_item_total?: number | null
  original_item_subtotal?: number | null
  item_total?: number | null
  item_subtotal?: number | null
  items?: { is_tax_inclusive?: boolean | null }[] | null
  shipping_methods?: unknown[] | null
}

/**
 * Items, discount, delivery, taxes and total. Kenyan prices include VAT, so
 * there the lines add up to the total and VAT is shown as included; where
 * prices exclude tax, taxes are their own line.
 */
export function Totals({ totals, showShipping = true }: { totals: TotalsLike; showShipping?: boolean }) {
  const t = useTranslations("totals")
  const format = useFormatter()
  const c = totals.currency_code
  const money = (amount: number) => formatMoney(amount, c, format)
  const inclusive = (totals.items ?? []).some((i) => i.is_tax_inclusive)
  const items = inclusive ? (totals.original_item_total ?? totals.item_total ?? 0) : (totals.original_item_subtotal ?? totals.item_subtotal ?? 0)
  const shippingChosen = (totals.shipping_methods ?? []).length > 0
  const shipping = inclusive ? (totals.shipping_total ?? 0) : (totals.shipping_subtotal ?? totals.shipping_total ?? 0)
  const discount = totals.discount_total ?? 0
  return (
    <table className="totals" data-testid="totals">
      <caption className="visually-hidden">{t("caption")}</caption>
      <tbody>
        <tr>
          <th scope="row">{t("items")}</th>
          <td>{money(items)}</td>
        </tr>
        {discount > 0 ? (
          <tr>
            <th scope="row">{t("discount")}</th>
            <td data-testid="discount-total">−{money(discount)}</td>
          </tr>
        ) : null}
        {showShipping ? (
          <tr>
            <th scope="row">{t("delivery")}</th>
            <td data-testid="shipping-total">
              {shippingChosen ? (shipping === 0 ? t("free") : money(shipping)) : <span className="muted">{t("atCheckout")}</span>}
            </td>
          </tr>
        ) : null}
        {!inclusive ? (
          <tr>
            <th scope="row">{t("taxes")}</th>
            <td>{money(totals.tax_total ?? 0)}</td>
          </tr>
        ) : null}
        <tr className="totals__grand">
          <th scope="row">{t("total")}</th>
          <td data-testid="grand-total">{money(totals.total ?? 0)}</td>
        </tr>
      </tbody>
      {inclusive && (totals.tax_total ?? 0) > 0 ? (
        <tfoot>
          <tr>
            <td colSpan={2} className="small muted" style={{ textAlign: "left" }}>
              {t("includesVat", { amount: money(totals.tax_total ?? 0) })}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  )
}
