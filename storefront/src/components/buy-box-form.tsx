"use client"

import Link from "next/link"
import { useMemo, useState } from "react"
import { addToCart } from "@/lib/data/cart-actions"
import type { StockState } from "@/lib/util/product"
import { useFormAction } from "./action-form"

/**
 * BuyBox's product with its words already in the page's language (buy-box.tsx
 * translates and formats on the server), so this form needs no next-intl.
 */
export type BuyBoxView = {
  id: string
  options: { id: string; title: string; values: string[] }[]
  variants: {
    id: string
    /** option id → value */
    options: Record<string, string>
    /** The formatted price, and the struck-through one when on sale. */
    price: { now: string; was: string | null } | null
    stock: StockState
    /** "In stock", "Only 2 left", "Sold out". */
    stockLabel: string
    max: number
  }[]
}

export type BuyBoxWords = {
  chooseOption: string
  soldOutOption: string
  unavailable: string
  quantity: string
  oneFewer: string
  oneMore: string
  adding: string
  addToCart: string
  soldOut: string
  viewCart: string
}

function initialSelection(product: BuyBoxView): Record<string, string> {
  const first = product.variants.find((v) => v.stock.kind !== "out") ?? product.variants[0]
  return first ? { ...first.options } : {}
}

function AddButton({ disabled, label, pending, pendingLabel }: { disabled: boolean; label: string; pending: boolean; pendingLabel: string }) {
  return (
    <button className="btn" type="submit" disabled={disabled || pending} aria-disabled={disabled || pending} data-testid="add-to-cart">
      {pending ? pendingLabel : label}
    </button>
  )
}

/** The buy box's form: the shopper picks a variant and a quantity and adds it to the cart. */
export function BuyBoxForm({ product, words, country, taxNote }: { product: BuyBoxView; words: BuyBoxWords; country: string; taxNote?: string }) {
  const [selected, setSelected] = useState<Record<string, string>>(() => initialSelection(product))
  const [quantity, setQuantity] = useState(1)
  const { state, pending, formProps } = useFormAction(addToCart)

  const variant = useMemo(
    () => product.variants.find((v) => product.options.every((o) => v.options[o.id] === selected[o.id])),
    [product, selected]
  )
  const price = variant?.price ?? null
  const soldOut = variant?.stock.kind === "out"
  const max = Math.max(1, variant?.max ?? 1)
  const qty = Math.min(quantity, max)

  const valueAvailable = (optionId: string, value: string) =>
    product.variants.some(
      (v) =>
        v.options[optionId] === value &&
        v.stock.kind !== "out" &&
        product.options.every((o) => o.id === optionId || !selected[o.id] || v.options[o.id] === selected[o.id])
    )

  return (
    <form {...formProps} className="buy-box" data-testid="buy-box">
      <p className="product__price price" data-testid="variant-price">
        {price ? (
          <>
            {price.now}
            {price.was !== null ? (
              <>
                {" "}
                <s className="muted small">{price.was}</s>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">{words.chooseOption}</span>
        )}
      </p>
      {taxNote ? <p className="small muted">{taxNote}</p> : null}

      {product.options.map((option) =>
        option.values.length > 1 || product.variants.length > 1 ? (
          <fieldset className="fieldset" key={option.id}>
            <legend>
              {option.title}
              {selected[option.id] ? <span className="muted">: {selected[option.id]}</span> : null}
            </legend>
            <div className="choices">
              {option.values.map((value) => {
                const available = valueAvailable(option.id, value)
                return (
                  <label className="choice" key={value}>
                    <input
                      type="radio"
                      name={`option-${option.id}`}
                      value={value}
                      checked={selected[option.id] === value}
                      onChange={() => setSelected((s) => ({ ...s, [option.id]: value }))}
                      aria-describedby={available ? undefined : `sold-${option.id}-${value}`.replace(/\W/g, "-")}
                    />
                    <span>
                      {value}
                      {available ? null : (
                        <span className="visually-hidden" id={`sold-${option.id}-${value}`.replace(/\W/g, "-")}>
                          {words.soldOutOption}
                        </span>
                      )}
                    </span>
                  </label>
                )
              })}
            </div>
          </fieldset>
        ) : null
      )}

      <p className="stock" aria-live="polite" data-testid="stock-state">
        {variant ? (
          <span className={`badge ${variant.stock.kind === "out" ? "badge--soldout" : variant.stock.kind === "low" ? "badge--warn" : "badge--ok"}`}>
            {variant.stockLabel}
          </span>
        ) : (
          <span className="muted small">{words.unavailable}</span>
        )}
      </p>

      <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
      <input type="hidden" name="country" value={country} />

      <div className="buy-row">
        <div className="qty" role="group" aria-label={words.quantity}>
          <button type="button" onClick={() => setQuantity(Math.max(1, qty - 1))} aria-label={words.oneFewer} disabled={qty <= 1}>
            −
          </button>
          <label htmlFor="quantity" className="visually-hidden">
            {words.quantity}
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            value={qty}
            onChange={(e) => setQuantity(Math.max(1, Math.min(max, Number(e.target.value) || 1)))}
          />
          <button type="button" onClick={() => setQuantity(Math.min(max, qty + 1))} aria-label={words.oneMore} disabled={qty >= max}>
            +
          </button>
        </div>
        <AddButton disabled={!variant || soldOut} label={soldOut ? words.soldOut : words.addToCart} pending={pending} pendingLabel={words.adding} />
      </div>

      <div aria-live="polite" style={{ minHeight: "3.2em", marginTop: 10 }}>
        {state.error ? (
          <p className="notice notice--error" role="alert" style={{ marginBottom: 0 }}>
            {state.error}
          </p>
        ) : state.ok ? (
          <p className="notice notice--success" style={{ marginBottom: 0 }} data-testid="added-notice">
            {state.message}{" "}
            <Link href={`/${country}/cart`} data-testid="view-cart">
              {words.viewCart}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  )
}
