import Link from "next/link"
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
  const [categories, collections] = await Promise.all([listCategories(), listCollections()])
  const featured = await Promise.all(
    collections.map(async (c) => ({
      collection: c,
      products: await listProducts(region.id, { collection_id: [c.id], limit: 4 }),
    }))
  )
  let eager = 2
  return (
    <div className="container page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Made in Kenya, delivered to your door</h1>
        <p>Nyeri coffee, Kericho tea, kikois, kiondos and more. Pay with M-Pesa in seconds — no card needed.</p>
        <div className="row">
          <Link className="btn" href={`/${country}/store`}>
            Shop all products
          </Link>
          <Link className="btn btn--ghost" href={`/${country}/store?collection=best-sellers`}>
            Best sellers
          </Link>
        </div>
      </section>

      <ul className="usp" aria-label="Why shop with Soko">
        <li>
          <strong>Pay with M-Pesa.</strong> A prompt on your phone, your PIN, done.
        </li>
        <li>
          <strong>Same-day in Nairobi.</strong> Countrywide courier or pickup at the shop.
        </li>
        <li>
          <strong>Track every order.</strong> With your order number and email, no account needed.
        </li>
      </ul>

      {featured
        .filter((f) => f.products.length)
        .map(({ collection, products }) => {
          const grid = <ProductGrid products={products} country={country} wide eager={eager} />
          eager = 0
          return (
            <section className="section" key={collection.id} aria-labelledby={`col-${collection.handle}`}>
              <div className="section__head">
                <h2 id={`col-${collection.handle}`}>{collection.title}</h2>
                <Link href={`/${country}/store?collection=${collection.handle}`}>
                  See all<span className="visually-hidden"> {collection.title}</span>
                </Link>
              </div>
              {grid}
            </section>
          )
        })}

      <section className="section" aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
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
