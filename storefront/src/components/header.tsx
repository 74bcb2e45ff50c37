import Link from "next/link"
import { Suspense } from "react"
import { itemCount, retrieveCart } from "@/lib/data/cart"
import { listCategories } from "@/lib/data/catalog"
import { getAuthToken } from "@/lib/data/cookies"

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
  const count = itemCount(cart)
  return <span className="visually-hidden">{`, ${count} ${count === 1 ? "item" : "items"}`}</span>
}

async function AccountLink({ country }: { country: string }) {
  const signedIn = Boolean(await getAuthToken())
  return (
    <Link className="header-link" href={`/${country}/account`} data-testid="account-link">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="8" r="4" />
        <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
      </svg>
      <span>{signedIn ? "Account" : "Sign in"}</span>
    </Link>
  )
}

export async function Header({ country }: { country: string }) {
  const categories = await listCategories().catch(() => [])
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link className="logo" href={`/${country}`}>
          Soko<span className="visually-hidden">, home</span>
        </Link>
        <form className="site-search" role="search" action={`/${country}/store`}>
          <label htmlFor="site-search" className="visually-hidden">
            Search products
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search coffee, kikoi, jiko…" autoComplete="off" />
          <button className="btn btn--small" type="submit">
            Search
          </button>
        </form>
        <nav className="header-actions" aria-label="Your shop">
          <Suspense fallback={<span className="header-link">Sign in</span>}>
            <AccountLink country={country} />
          </Suspense>
          <Link className="header-link" href={`/${country}/cart`} data-testid="cart-link">
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
              <circle cx="10" cy="20" r="1.5" />
              <circle cx="17" cy="20" r="1.5" />
            </svg>
            <span>Cart</span>
            <Suspense fallback={<span className="cart-badge" aria-hidden="true">&nbsp;</span>}>
              <CartCount />
            </Suspense>
            <Suspense fallback={null}>
              <CartLabel />
            </Suspense>
          </Link>
        </nav>
      </div>
      <nav className="site-nav" aria-label="Categories">
        <ul className="container">
          <li>
            <Link href={`/${country}/store`}>All products</Link>
          </li>
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/${country}/store?category=${c.handle}`}>{c.name}</Link>
            </li>
          ))}
          <li>
            <Link href={`/${country}/track`}>Track an order</Link>
          </li>
        </ul>
      </nav>
    </header>
  )
}
