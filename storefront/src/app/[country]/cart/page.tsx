import type { Metadata } from "next"
import Link from "next/link"
import { ActionForm } from "@/components/action-form"
import { PromoForm } from "@/components/cart/promo-form"
import { QuantityForm } from "@/components/cart/quantity-form"
import { MediaImage } from "@/components/media-image"
import { Totals } from "@/components/totals"
import { retrieveCart } from "@/lib/data/cart"
import { removeLineItem, removePromotion } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"
import { maxQuantity } from "@/lib/util/product"

export const metadata: Metadata = { title: "Your cart" }

export default async function CartPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const cart = await retrieveCart()
  const items = [...(cart?.items ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))

  if (!cart || !items.length) {
    return (
      <div className="container page">
        <h1>Your cart</h1>
        <div className="empty" data-testid="empty-cart">
          <h2>Your cart is empty</h2>
          <p className="muted">Find something you love: Kenyan coffee, crafts and more.</p>
          <Link className="btn" href={`/${country}/store`}>
            Start shopping
          </Link>
        </div>
      </div>
    )
  }

  const codes = (cart.promotions ?? []).filter((p) => p.code && !p.is_automatic)
  return (
    <div className="container page">
      <h1>Your cart</h1>
      <div className="cart-layout">
        <section aria-label="Items">
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
                        {formatMoney(item.unit_price, cart.currency_code)} each
                      </p>
                    </div>
                    <span className="price" data-testid="line-total">
                      {formatMoney(item.unit_price * item.quantity, cart.currency_code)}
                    </span>
                  </div>
                  <div className="line-item__controls">
                    <QuantityForm
                      lineId={item.id}
                      quantity={item.quantity}
                      max={maxQuantity(item.variant as Parameters<typeof maxQuantity>[0])}
                      title={item.product_title ?? item.title}
                    />
                    <ActionForm action={removeLineItem} pendingLabel="Removing…">
                      <input type="hidden" name="line_id" value={item.id} />
                      <button className="link-button link-button--danger" type="submit">
                        Remove<span className="visually-hidden"> {item.product_title ?? item.title}</span>
                      </button>
                    </ActionForm>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <p style={{ marginTop: 16 }}>
            <Link href={`/${country}/store`}>← Continue shopping</Link>
          </p>
        </section>

        <aside className="panel panel--soft stack" aria-label="Summary">
          <h2>Summary</h2>
          <PromoForm />
          {codes.length ? (
            <ul className="chips" aria-label="Promo codes applied">
              {codes.map((p) => (
                <li key={p.id}>
                  <ActionForm action={removePromotion}>
                    <input type="hidden" name="code" value={p.code!} />
                    <button className="chip" type="submit" style={{ border: 0, cursor: "pointer" }} data-testid="applied-promo">
                      {p.code} <span aria-hidden="true">×</span>
                      <span className="visually-hidden">(remove promo code)</span>
                    </button>
                  </ActionForm>
                </li>
              ))}
            </ul>
          ) : null}
          <Totals totals={cart} />
          <Link className="btn btn--block" href={`/${country}/checkout`} data-testid="checkout-button">
            Go to checkout
          </Link>
          <p className="small muted" style={{ textAlign: "center", margin: 0 }}>
            Pay with M-Pesa or cash on delivery
          </p>
        </aside>
      </div>
    </div>
  )
}
