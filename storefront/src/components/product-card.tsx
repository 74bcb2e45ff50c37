import type { HttpTypes } from "@medusajs/types"
import Link from "next/link"
import { useFormatter, useTranslations } from "next-intl"
import { formatMoney } from "@/lib/util/money"
import { productInStock, productPrice } from "@/lib/util/product"
import { MediaImage } from "./media-image"

export function ProductCard({
  product,
  country,
  priority = false,
}: {
  product: HttpTypes.StoreProduct
  country: string
  priority?: boolean
}) {
  const t = useTranslations("product")
  const format = useFormatter()
  const price = productPrice(product)
  const inStock = productInStock(product)
  return (
    <article className="product-card" data-testid="product-card" data-handle={product.handle}>
      <div className="product-card__media">
        <MediaImage src={product.thumbnail} alt="" size={400} priority={priority} />
      </div>
      <h3 className="product-card__title">
        <Link href={`/${country}/products/${product.handle}`}>{product.title}</Link>
      </h3>
      {product.subtitle ? <p className="product-card__subtitle">{product.subtitle}</p> : null}
      <div className="spread">
        {price ? (
          <span className={`price${price.varies ? " price--from" : ""}`} data-testid="product-price" data-amount={price.amount}>
            {formatMoney(price.amount, price.currency, format)}
          </span>
        ) : (
          <span className="muted small">{t("priceOnRequest")}</span>
        )}
        {!inStock ? <span className="badge badge--soldout">{t("soldOut")}</span> : null}
      </div>
    </article>
  )
}

export function ProductGrid({
  products,
  country,
  wide = false,
  eager = 0,
}: {
  products: HttpTypes.StoreProduct[]
  country: string
  wide?: boolean
  /** How many leading cards load their picture eagerly. */
  eager?: number
}) {
  return (
    <ul className={`product-grid${wide ? " product-grid--wide" : ""}`}>
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard product={p} country={country} priority={i < eager} />
        </li>
      ))}
    </ul>
  )
}
