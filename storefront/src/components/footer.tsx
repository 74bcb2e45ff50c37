import Link from "next/link"
import { getLocale, getTranslations } from "next-intl/server"
import { Suspense } from "react"
import { listCollections } from "@/lib/data/catalog"
import { switchCountry } from "@/lib/data/region-actions"
import { listCountries } from "@/lib/data/regions"
import { countryName } from "@/lib/util/kenya"
import { ActionForm } from "./action-form"
import { AutoSubmit } from "./auto-submit"
import { CurrentPath } from "./current-path"

export async function Footer({ country }: { country: string }) {
  const [countries, collections, t, locale] = await Promise.all([
    listCountries().catch(() => []),
    listCollections().catch(() => []),
    getTranslations("footer"),
    getLocale(),
  ])
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <div>
          <h2 className="h3">{t("shop")}</h2>
          <ul>
            <li>
              <Link href={`/${country}/store`}>{t("allProducts")}</Link>
            </li>
            {collections.map((c) => (
              <li key={c.id}>
                <Link href={`/${country}/store?collection=${c.handle}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h2 className="h3">{t("help")}</h2>
          <ul>
            <li>
              <Link href={`/${country}/track`}>{t("track")}</Link>
            </li>
            <li>
              <Link href={`/${country}/account`}>{t("account")}</Link>
            </li>
            <li>
              <Link href={`/${country}/cart`}>{t("cart")}</Link>
            </li>
          </ul>
        </div>
        <div>
          <h2 className="h3">{t("shipTo")}</h2>
          <ActionForm action={switchCountry} className="stack">
            <label htmlFor="country-picker" className="visually-hidden">
              {t("country")}
            </label>
            <select id="country-picker" name="country" defaultValue={country} data-testid="country-picker">
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c.code, c.name, locale)} ({c.currency.toUpperCase()})
                </option>
              ))}
            </select>
            <Suspense fallback={<input type="hidden" name="path" value={`/${country}`} />}>
              <CurrentPath />
            </Suspense>
            <button id="country-submit" className="btn btn--secondary btn--small" type="submit">
              {t("changeCountry")}
            </button>
            <AutoSubmit hideButtonId="country-submit" />
          </ActionForm>
          <p className="small muted" style={{ marginTop: 12 }}>
            {t("vatNote")}
          </p>
        </div>
      </div>
    </footer>
  )
}
