import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { Suspense } from "react"
import { itemCount, retrieveCart } from "@/lib/data/cart"
import { listCategories } from "@/lib/data/catalog"
import { getAuthToken } from "@/lib/data/cookies"
import { LanguageSwitch } from "./language-switch"

async function CartCount() {
  const cart = await retrieveCart().catch(() => null)
  const count = itemCount(cart)
  return (
    <span className="cart-badge" data-testid="cart-count" aria-hidden="true">
      {count}
    </span>
  )
}

async function CartLabel() {
  const cart = await retrieveCart().catch(() => null)
  const t = await getTranslations("header")
  return <span className="visually-hidden">{t("cartItems", { count: itemCount(cart) })}</span>
}

async function AccountLink({ country }: { country: string }) {
  const signedIn = Boolean(await getAuthToken())
  const t = await getTranslations("header")
  return (
    <Link className="header-link" href={`/${country}/account`} data-testid="account-link">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
      </svg>
      <span>{signedIn ? t("account") : t("signIn")}</span>
    </Link>
  )
}

export async function Header({ country }: { country: string }) {
  const [categories, t] = await Promise.all([listCategories().catch(() => []), getTranslations("header")])
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link className="logo" href={`/${country}`}>
          Soko<span className="visually-hidden">{t("home")}</span>
        </Link>
        <form className="site-search" role="search" action={`/${country}/store`}>
          <label htmlFor="site-search" className="visually-hidden">
            {t("searchLabel")}
          </label>
          <input id="site-search" type="search" name="q" placeholder={t("searchPlaceholder")} autoComplete="off" />
          <button className="btn btn--small" type="submit">
            {t("search")}
          </button>
        </form>
        <LanguageSwitch country={country} />
        <nav className="header-actions" aria-label={t("yourShop")}>
          <Suspense fallback={<span className="header-link">{t("signIn")}</span>}>
            <AccountLink country={country} />
          </Suspense>
          <Link className="header-link" href={`/${country}/cart`} data-testid="cart-link">
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
              <circle cx="10" cy="20" r="1.5" />
              <circle cx="17" cy="20" r="1.5" />
            </svg>
            <span>{t("cart")}</span>
            <Suspense fallback={<span className="cart-badge" aria-hidden="true">&nbsp;</span>}>
              <CartCount />
            </Suspense>
            <Suspense fallback={null}>
              <CartLabel />
            </Suspense>
          </Link>
        </nav>
      </div>
      <nav className="site-nav" aria-label={t("categories")}>
        <ul className="container">
          <li>
            <Link href={`/${country}/store`}>{t("allProducts")}</Link>
          </li>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/${country}/store?category=${c.handle}`}>{c.name}</Link>
            </li>
          ))}
          <li>
            <Link href={`/${country}/track`}>{t("track")}</Link>
          </li>
        </ul>
      </nav>
    </header>
  )
}
