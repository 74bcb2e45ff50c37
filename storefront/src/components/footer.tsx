import Link from "next/link"
import { Suspense } from "react"
import { listCollections } from "@/lib/data/catalog"
import { switchCountry } from "@/lib/data/region-actions"
import { listCountries } from "@/lib/data/regions"
import { ActionForm } from "./action-form"
import { AutoSubmit } from "./auto-submit"
import { CurrentPath } from "./current-path"

export async function Footer({ country }: { country: string }) {
  const [countries, collections] = await Promise.all([listCountries().catch(() => []), listCollections().catch(() => [])])
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <div>
          <h2 className="h3">Shop</h2>
          <ul>
            <li>
              <Link href={`/${country}/store`}>All products</Link>
            </li>
            {collections.map((c) => (
              <li key={c.id}>
                <Link href={`/${country}/store?collection=${c.handle}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="h3">Help</h2>
          <ul>
            <li>
              <Link href={`/${country}/track`}>Track an order</Link>
            </li>
            <li>
              <Link href={`/${country}/account`}>Your account</Link>
            </li>
            <li>
              <Link href={`/${country}/cart`}>Your cart</Link>
            </li>
          </ul>
        </div>
        <div>
          <h2 className="h3">Ship to</h2>
          <ActionForm action={switchCountry} className="stack">
            <label htmlFor="country-picker" className="visually-hidden">
              Country
            </label>
            <select id="country-picker" name="country" defaultValue={country} data-testid="country-picker">
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.currency.toUpperCase()})
                </option>
              ))}
            </select>
            <Suspense fallback={<input type="hidden" name="path" value={`/${country}`} />}>
              <CurrentPath />
            </Suspense>
            <button id="country-submit" className="btn btn--secondary btn--small" type="submit">
              Change country
            </button>
            <AutoSubmit hideButtonId="country-submit" />
          </ActionForm>
          <p className="small muted" style={{ marginTop: 12 }}>
            Prices in Kenya include 16% VAT. Pay with M-Pesa.
          </p>
        </div>
      </div>
    </footer>
  )
}
