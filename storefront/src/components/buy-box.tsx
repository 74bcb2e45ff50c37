import { useFormatter, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import type { PriceInfo, StockState } from "@/lib/util/product"
import { BuyBoxForm } from "./buy-box-form"

export type BuyBoxProduct = {
  id: string
  title: string
  options: { id: string; title: string; values: string[] }[]
  variants: {
    id: string
    title: string
    /** option id → value */
    options: Record<string, string>
    price: PriceInfo | null
    stock: StockState
    max: number
  }[]
}

/**
 * The product page's buy box. Not a client component: it words and formats
 * every variant's price and stock here (on the server, in the page's
 * language) and hands the strings to the interactive form (buy-box-form.tsx),
 * so the product page ships without next-intl's client runtime and messages.
 */
export function BuyBox({ product, country, taxNote }: { product: BuyBoxProduct; country: string; taxNote?: string }) {
  const t = useTranslations("product")
  const format = useFormatter()
  const view = {
    id: product.id,
    options: product.options,
    variants: product.variants.map((v) => ({
      id: v.id,
      options: v.options,
      price: v.price
        ? {
            now: formatMoney(v.price.amount, v.price.currency, format),
            was: v.price.onSale ? formatMoney(v.price.original, v.price.currency, format) : null,
          }
        : null,
      stock: v.stock,
      stockLabel: t("stock", { kind: v.stock.kind, left: v.stock.left ?? 0 }),
      max: v.max,
    })),
  }
  const words = {
    chooseOption: t("chooseOption"),
    soldOutOption: t("soldOutOption"),
    unavailable: t("unavailable"),
    quantity: t("quantity"),
    oneFewer: t("oneFewer"),
    oneMore: t("oneMore"),
    adding: t("adding"),
    addToCart: t("addToCart"),
    soldOut: t("soldOut"),
    viewCart: t("viewCart"),
  }
  return <BuyBoxForm product={view} words={words} country={country} taxNote={taxNote} />
}
