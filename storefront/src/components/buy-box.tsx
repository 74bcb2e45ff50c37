"use client"

import Link from "next/link"
import { useFormatter, useTranslations } from "next-intl"
import { useMemo, useState } from "react"
import { addToCart } from "@/lib/data/cart-actions"
import { formatMoney } from "@/lib/util/money"
import type { PriceInfo, StockState } from "@/lib/util/product"
import { useFormAction } from "./action-form"

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

function initialSelection(product: BuyBoxProduct): Record<string, string> {
  const first = product.variants.find((v) => v.stock.kind !== "out") ?? product.variants[0]
  return first ? { ...first.options } : {}
}

function AddButton({ disabled, label, pending }: { disabled: boolean; label: string; pending: boolean }) {
  const t = useTranslations("product")
  return (
    <button className="btn" type="submit" disabled={disabled || pending} aria-disabled={disabled || pending} data-testid="add-to-cart">
      {pending ? t("adding") : label}
    </button>
  )
}

export function BuyBox({ product, country, taxNote }: { product: BuyBoxProduct; country: string; taxNote?: string }) {
  const t = useTranslations("product")
  const format = useFormatter()
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
            {formatMoney(price.amount, price.currency, format)}
            {price.onSale ? (
              <>
                {" "}
                <s className="muted small">{formatMoney(price.original, price.currency, format)}</s>
              </>
            ) : null}
          </>
        ) : (
          <span className="muted">{t("chooseOption")}</span>
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
                          {t("soldOutOption")}
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
            {t("stock", { kind: variant.stock.kind, left: variant.stock.left ?? 0 })}
          </span>
        ) : (
          <span className="muted small">{t("unavailable")}</span>
        )}
      </p>

      <input type="hidden" name="variant_id" value={variant?.id ?? ""} />
      <input type="hidden" name="country" value={country} />

      <div className="buy-row">
        <div className="qty" role="group" aria-label={t("quantity")}>
          <button type="button" onClick={() => setQuantity(Math.max(1, qty - 1))} aria-label={t("oneFewer")} disabled={qty <= 1}>
            −
          </button>
          <label htmlFor="quantity" className="visually-hidden">
            {t("quantity")}
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
          <button type="button" onClick={() => setQuantity(Math.min(max, qty + 1))} aria-label={t("oneMore")} disabled={qty >= max}>
            +
          </button>
        </div>
        <AddButton disabled={!variant || soldOut} label={soldOut ? t("soldOut") : t("addToCart")} pending={pending} />
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
              {t("viewCart")}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  )
}
