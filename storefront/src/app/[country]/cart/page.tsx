import type { Metadata } from "next"
import Link from "next/link"
import { getFormatter, getTranslations } from "next-intl/server"
import { ActionForm } from "@/components/action-form"
import { PromoForm } from "@/components/cart/promo-form"
import { QuantityForm } from "@/components/cart/quantity-form"
import { MediaImage } from "@/components/media-image"
import { Totals } from "@/components/totals"
import { retrieveCart } from "@/lib/data/cart"
import { removeLineItem, removePromotion } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"
import { maxQuantity } from "@/lib/util/product"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") }
}

export default async function CartPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [cart, t, format] = await Promise.all([retrieveCart(), getTranslations("cart"), getFormatter()])
  const items = [...(cart?.items ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))

  if (!cart || !items.length) {
    return (
      <div className="container page">
        <h1>{t("title")}</h1>
        <div className="empty" data-testid="empty-cart">
          <h2>{t("empty")}</h2>
          <p className="muted">{t("emptyText")}</p>
          <Link className="btn" href={`/${country}/store`}>
            {t("startShopping")}
          </Link>
        </div>
      </div>
    )
  }

  const codes = (cart.promotions ?? []).filter((p) => p.code && !p.is_automatic)
  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <div className="cart-layout">
        <section aria-label={t("items")}>
          <ul className="line-items" data-testid="line-items">
            {items.map((item) => (
              <li className="line-item" key={item.id} data-testid="line-item">
                <MediaImage src={item.thumbnail} alt="" size={72} />
                <div>
                  <div className="spread" style={{ alignItems: "flex-start" }}>
                    <div>
                      <p className="line-item__title">
                        <Link href={`/${country}/products/${item.product_handle}`}>{item.product_title ?? item.title}</Link>
                      </p>
                      {item.variant_title && item.variant_title !== "Default" ? (
                        <p className="small muted" style={{ margin: 0 }}>
                          {item.variant_title}
                        </p>
                      ) : null}
                      <p className="small muted" style={{ margin: 0 }}>
                        {t("each", { price: formatMoney(item.unit_price, cart.currency_code, format) })}
                      </p>
                    </div>
                    <span className="price" data-testid="line-total">
                      {formatMoney(item.unit_price * item.quantity, cart.currency_code, format)}
                    </span>
                  </div>
                  <div className="line-item__controls">
                    <QuantityForm
                      lineId={item.id}
                      quantity={item.quantity}
                      max={maxQuantity(item.variant as Parameters<typeof maxQuantity>[0])}
                      title={item.product_title ?? item.title}
                    />
                    <ActionForm action={removeLineItem} pendingLabel={t("removing")}>
                      <input type="hidden" name="line_id" value={item.id} />
                      <button className="link-button link-button--danger" type="submit">
                        {t("remove")}<span className="visually-hidden"> {item.product_title ?? item.title}</span>
                      </button>
                    </ActionForm>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <p style={{ marginTop: 16 }}>
            <Link href={`/${country}/store`}>{t("continueShopping")}</Link>
          </p>
        </section>

        <aside className="panel panel--soft stack" aria-label={t("summary")}>
          <h2>{t("summary")}</h2>
          <PromoForm />
          {codes.length ? (
            <ul className="chips" aria-label={t("promosApplied")}>
              {codes.map((p) => (
                <li key={p.id}>
                  <ActionForm action={removePromotion}>
                    <input type="hidden" name="code" value={p.code!} />
                    <button className="chip" type="submit" style={{ border: 0, cursor: "pointer" }} data-testid="applied-promo">
                      {p.code} <span aria-hidden="true">×</span>
                      <span className="visually-hidden">{t("removePromo")}</span>
                    </button>
                  </ActionForm>
                </li>
              ))}
            </ul>
          ) : null}
          <Totals totals={cart} />
          <Link className="btn btn--block" href={`/${country}/checkout`} data-testid="checkout-button">
            {t("checkout")}
          </Link>
          <p className="small muted" style={{ textAlign: "center", margin: 0 }}>
            {t("payNote")}
          </p>
        </aside>
      </div>
    </div>
  )
}
