import type { Metadata } from "next"
import Link from "next/link"
import { useTranslations } from "next-intl"
import { getFormatter, getTranslations } from "next-intl/server"
import { AutoSubmit } from "@/components/auto-submit"
import { ProductGrid } from "@/components/product-card"
import { catalogQuery, type CatalogParams, hasFilters, parseCatalogParams, SORT_KEYS } from "@/lib/catalog/params"
import { listCatalog, listCategories, listCollections } from "@/lib/data/catalog"
import { getRegion } from "@/lib/data/regions"
import { formatMoney } from "@/lib/util/money"
import { Streamed } from "@/components/page-skeleton"

type Props = {
  params: Promise<{ country: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const p = parseCatalogParams(await searchParams)
  const t = await getTranslations("store")
  return { title: p.q ? t("search", { q: p.q }) : t("allProducts") }
}

async function StorePageContent({ params, searchParams }: Props) {
  const { country } = await params
  const p = parseCatalogParams(await searchParams)
  const region = await getRegion(country)
  if (!region) {
    return null
  }
  const [result, categories, collections, t, format] = await Promise.all([
    listCatalog(p, region),
    listCategories(),
    listCollections(),
    getTranslations("store"),
    getFormatter(),
  ])
  const words = result.optionWords
  const base = `/${country}/store`
  const href = (overrides: Partial<CatalogParams>) => `${base}${catalogQuery(p, { page: 1, ...overrides })}`
  const currency = region.currency_code.toUpperCase()
  const money = (amount: number | undefined) => formatMoney(amount, currency, format)

  const heading = p.q
    ? t("resultsFor", { q: p.q })
    : p.categories.length === 1
      ? (categories.find((c) => c.handle === p.categories[0])?.name ?? t("products"))
      : p.collections.length === 1
        ? (collections.find((c) => c.handle === p.collections[0])?.title ?? t("products"))
        : t("allProducts")

  const chips: { label: string; href: string }[] = [
    ...(p.q ? [{ label: `“${p.q}”`, href: href({ q: undefined }) }] : []),
    ...p.categories.map((h) => ({
      label: categories.find((c) => c.handle === h)?.name ?? h,
      href: href({ categories: p.categories.filter((x) => x !== h) }),
    })),
    ...p.collections.map((h) => ({
      label: collections.find((c) => c.handle === h)?.title ?? h,
      href: href({ collections: p.collections.filter((x) => x !== h) }),
    })),
    ...Object.entries(p.options).flatMap(([title, values]) =>
      values.map((v) => ({
        label: `${words.titles[title] ?? title}: ${words.values[`${title}:${v}`] ?? v}`,
        href: href({ options: { ...p.options, [title]: values.filter((x) => x !== v) } }),
      }))
    ),
    ...(p.minPrice !== undefined || p.maxPrice !== undefined
      ? [
          {
            label:
              p.minPrice !== undefined && p.maxPrice !== undefined
                ? `${money(p.minPrice)} – ${money(p.maxPrice)}`
                : p.minPrice !== undefined
                  ? t("from", { price: money(p.minPrice) })
                  : t("upTo", { price: money(p.maxPrice) }),
            href: href({ minPrice: undefined, maxPrice: undefined }),
          },
        ]
      : []),
    ...(p.inStock ? [{ label: t("inStockOnly"), href: href({ inStock: false }) }] : []),
  ]
  const activeCount = chips.length

  return (
    <div className="container page">
      <h1>{heading}</h1>
      <div className="catalog">
        <aside aria-label={t("filters")}>
          <details className="filters" open={activeCount > 0 ? true : undefined}>
            <summary>
              {activeCount ? t("filtersCount", { count: activeCount }) : t("filters")}
            </summary>
            <form id="catalog-filters" className="filters__body" action={base} method="get" data-testid="filters">
              <div className="field">
                <label htmlFor="filter-q">{t("searchLabel")}</label>
                <input id="filter-q" type="search" name="q" defaultValue={p.q ?? ""} placeholder={t("searchPlaceholder")} />
              </div>
              {p.sort !== "featured" ? <input type="hidden" name="sort" value={p.sort} /> : null}
              <fieldset>
                <legend>{t("category")}</legend>
                {categories.map((c) => (
                  <label className="check" key={c.id}>
                    <input type="checkbox" name="category" value={c.handle} defaultChecked={p.categories.includes(c.handle)} />
                    {c.name}
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t("collection")}</legend>
                {collections.map((c) => (
                  <label className="check" key={c.id}>
                    <input type="checkbox" name="collection" value={c.handle ?? ""} defaultChecked={p.collections.includes(c.handle ?? "")} />
                    {c.title}
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t("price", { currency })}</legend>
                <div className="price-range">
                  <div>
                    <label htmlFor="filter-min">{t("min")}</label>
                    <input id="filter-min" type="number" inputMode="numeric" min={0} name="min" defaultValue={p.minPrice ?? ""} />
                  </div>
                  <div>
                    <label htmlFor="filter-max">{t("max")}</label>
                    <input id="filter-max" type="number" inputMode="numeric" min={0} name="max" defaultValue={p.maxPrice ?? ""} />
                  </div>
                </div>
              </fieldset>
              <fieldset>
                <legend>{t("availability")}</legend>
                <label className="check">
                  <input type="checkbox" name="stock" value="in" defaultChecked={p.inStock} />
                  {t("inStockOnly")}
                </label>
              </fieldset>
              {result.optionFacets.map((f) => (
                <fieldset key={f.title}>
                  <legend>{words.titles[f.title] ?? f.title}</legend>
                  {f.values.map((v) => (
                    <label className="check" key={v}>
                      <input
                        type="checkbox"
                        name="opt"
                        value={`${f.title}:${v}`}
                        defaultChecked={(p.options[f.title] ?? []).includes(v)}
                      />
                      {words.values[`${f.title}:${v}`] ?? v}
                    </label>
                  ))}
                </fieldset>
              ))}
              <div className="row">
                <button className="btn btn--small" type="submit">
                  {t("applyFilters")}
                </button>
                {activeCount ? (
                  <Link href={base} className="small">
                    {t("clearAll")}
                  </Link>
                ) : null}
              </div>
              <AutoSubmit />
            </form>
          </details>
        </aside>

        <section aria-labelledby="results-count">
          <div className="catalog-toolbar">
            <p id="results-count" className="muted" role="status" style={{ margin: 0 }} data-testid="results-count">
              {t("count", { count: result.count })}
            </p>
            <div className="row">
              <label htmlFor="sort" style={{ margin: 0 }}>
                {t("sortBy")}
              </label>
              <select id="sort" name="sort" form="catalog-sort" defaultValue={p.sort} data-testid="sort">
                {SORT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {t("sortOption", { key: k })}
                  </option>
                ))}
              </select>
              <form id="catalog-sort" action={base} method="get">
                {hiddenFields(p)}
                <noscript>
                  <button className="btn btn--small" type="submit">
                    {t("sort")}
                  </button>
                </noscript>
                <AutoSubmit />
              </form>
            </div>
          </div>

          {chips.length ? (
            <ul className="chips" aria-label={t("activeFilters")}>
              {chips.map((c) => (
                <li key={c.label}>
                  <Link className="chip" href={c.href}>
                    {c.label}
                    <span aria-hidden="true">×</span>
                    <span className="visually-hidden">{t("removeFilter")}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}

          <h2 className="visually-hidden">{t("products")}</h2>
          {result.products.length ? (
            <ProductGrid products={result.products} country={country} eager={4} />
          ) : (
            <div className="empty" data-testid="empty-results">
              <h2>{t("noMatch")}</h2>
              <p className="muted">
                {result.count === 0 && result.page > 1 ? t("pastEnd") : t("tryFewer")}
              </p>
              {hasFilters(p) ? (
                <Link className="btn btn--secondary" href={base}>
                  {t("clearFilters")}
                </Link>
              ) : null}
            </div>
          )}

          {result.pageCount > 1 ? <Pagination page={result.page} pageCount={result.pageCount} link={(n) => `${base}${catalogQuery(p, { page: n })}`} /> : null}
        </section>
      </div>
    </div>
  )
}

/** The current filters as hidden fields, so the sort form keeps them: the link's query without sort and page. */
function hiddenFields(p: CatalogParams) {
  const fields = new URLSearchParams(catalogQuery(p, { sort: "featured", page: 1 }).slice(1))
  return [...fields.entries()].map(([name, value], i) => <input key={`${name}-${i}`} type="hidden" name={name} value={value} />)
}

function Pagination({ page, pageCount, link }: { page: number; pageCount: number; link: (n: number) => string }) {
  const t = useTranslations("store")
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pageCount || Math.abs(n - page) <= 1
  )
  return (
    <nav aria-label={t("pages")}>
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <Link href={link(page - 1)} rel="prev">
              <span aria-hidden="true">‹</span>
              <span className="visually-hidden">{t("previousPage")}</span>
            </Link>
          </li>
        ) : null}
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - pages[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            {n === page ? (
              <span aria-current="page">
                <span className="visually-hidden">{t("page")}</span>
                {n}
              </span>
            ) : (
              <Link href={link(n)}>
                <span className="visually-hidden">{t("page")}</span>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={link(page + 1)} rel="next" data-testid="next-page">
              <span aria-hidden="true">›</span>
              <span className="visually-hidden">{t("nextPage")}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export default async function StorePage(props: Props) {
  // A new boundary for every query (filters, sort, page): see Streamed.
  const query = JSON.stringify(await props.searchParams)
  return (
    <Streamed key={query}>
      <StorePageContent {...props} />
    </Streamed>
  )
}
