import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { ProductGrid } from "@/components/product-card"
import { listCategories, listCollections, listProducts } from "@/lib/data/catalog"
import { getRegion } from "@/lib/data/regions"
import { Streamed } from "@/components/page-skeleton"

async function HomePageContent({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const region = await getRegion(country)
  if (!region) {
    return null
  }
  const [categories, collections, t] = await Promise.all([listCategories(), listCollections(), getTranslations("home")])
  const featured = await Promise.all(
    collections.map(async (c) => ({
      collection: c,
      products: await listProducts(region.id, { collection_id: [c.id], limit: 4 }),
    }))
  )
  return (
    <div className="container page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("heroTitle")}</h1>
        <p>{t("heroText")}</p>
        <div className="row">
          <Link className="btn" href={`/${country}/store`}>
            {t("shopAll")}
          </Link>
          <Link className="btn btn--ghost" href={`/${country}/store?collection=best-sellers`}>
            {t("bestSellers")}
          </Link>
        </div>
      </section>

      <ul className="usp" aria-label={t("whyLabel")}>
        <li>
          <strong>{t("uspPayTitle")}</strong> {t("uspPayText")}
        </li>
        <li>
          <strong>{t("uspDeliveryTitle")}</strong> {t("uspDeliveryText")}
        </li>
        <li>
          <strong>{t("uspTrackTitle")}</strong> {t("uspTrackText")}
        </li>
      </ul>

      {featured
        .filter((f) => f.products.length)
        .map(({ collection, products }, index) => {
          // The first grid's first pictures are above the fold: loaded eagerly.
          const grid = <ProductGrid products={products} country={country} wide eager={index === 0 ? 2 : 0} />
          return (
            <section className="section" key={collection.id} aria-labelledby={`col-${collection.handle}`}>
              <div className="section__head">
                <h2 id={`col-${collection.handle}`}>{collection.title}</h2>
                <Link href={`/${country}/store?collection=${collection.handle}`}>
                  {t("seeAll")}<span className="visually-hidden"> {collection.title}</span>
                </Link>
              </div>
              {grid}
            </section>
          )
        })}

      <section className="section" aria-labelledby="categories-title">
        <h2 id="categories-title">{t("byCategory")}</h2>
        <ul className="tiles">
          {categories.map((c) => (
            <li key={c.id}>
              <Link className="tile" href={`/${country}/store?category=${c.handle}`}>
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

export default function HomePage(props: { params: Promise<{ country: string }> }) {
  return (
    <Streamed>
      <HomePageContent {...props} />
    </Streamed>
  )
}
