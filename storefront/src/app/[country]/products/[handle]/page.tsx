import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { MediaImage } from "@/components/media-image"
import { ProductGrid } from "@/components/product-card"
import { type BuyBoxProduct, BuyBox } from "@/components/buy-box"
import { getProduct, listProducts } from "@/lib/data/catalog"
import { getRegion } from "@/lib/data/regions"
import { maxQuantity, stockState, variantOptions, variantPrice } from "@/lib/util/product"
import { Streamed } from "@/components/page-skeleton"

type Props = { params: Promise<{ country: string; handle: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { country, handle } = await params
  const region = await getRegion(country)
  const product = region ? await getProduct(handle, region.id).catch(() => null) : null
  return product ? { title: product.title, description: product.description ?? product.subtitle ?? undefined } : { title: "Product" }
}

async function ProductPageContent({ params }: Props) {
  const { country, handle } = await params
  const region = await getRegion(country)
  if (!region) {
    notFound()
  }
  const product = await getProduct(handle, region.id)
  if (!product) {
    notFound()
  }
  const category = product.categories?.[0]
  const related = category
    ? (await listProducts(region.id, { category_id: [category.id], limit: 5 }).catch(() => [])).filter((p) => p.id !== product.id).slice(0, 4)
    : []

  const images = (product.images ?? []).length ? product.images! : product.thumbnail ? [{ id: "thumb", url: product.thumbnail }] : []
  const buy: BuyBoxProduct = {
    id: product.id,
    title: product.title ?? "",
    options: (product.options ?? []).map((o) => ({
      id: o.id,
      title: o.title,
      values: [...new Set((o.values ?? []).map((v) => v.value))],
    })),
    variants: (product.variants ?? []).map((v) => ({
      id: v.id,
      title: v.title ?? "",
      options: variantOptions(v),
      price: variantPrice(v),
      stock: stockState(v),
      max: maxQuantity(v),
    })),
  }

  return (
    <div className="container page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link href={`/${country}/store`}>Shop</Link>
          </li>
          {category ? (
            <li>
              <Link href={`/${country}/store?category=${category.handle}`}>{category.name}</Link>
            </li>
          ) : null}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div className="product">
        <div className="gallery">
          <div className="gallery__main">
            <MediaImage src={images[0]?.url} alt={product.title ?? ""} size={800} priority />
          </div>
          {images.length > 1 ? (
            <ul className="gallery__thumbs" aria-label="More pictures">
              {images.slice(1).map((img, i) => (
                <li key={img.id ?? i}>
                  <MediaImage src={img.url} alt={`${product.title}, picture ${i + 2}`} size={72} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <h1 style={{ marginBottom: 4 }}>{product.title}</h1>
          {product.subtitle ? <p className="muted">{product.subtitle}</p> : null}
          <BuyBox product={buy} country={country} taxNote={region.currency_code === "kes" ? "Price includes 16% VAT." : undefined} />
          {product.description ? (
            <section aria-labelledby="about" style={{ marginTop: 24 }}>
              <h2 id="about" className="h3">
                About this product
              </h2>
              <p>{product.description}</p>
            </section>
          ) : null}
          <ul className="small muted" style={{ paddingLeft: "1.2em" }}>
            <li>Pay with M-Pesa, or cash on delivery.</li>
            <li>Same-day delivery in Nairobi; countrywide courier.</li>
          </ul>
        </div>
      </div>
      {related.length ? (
        <section className="section" aria-labelledby="related">
          <h2 id="related">More in {category?.name}</h2>
          <ProductGrid products={related} country={country} wide />
        </section>
      ) : null}
    </div>
  )
}

export default function ProductPage(props: Props) {
  return (
    <Streamed>
      <ProductPageContent {...props} />
    </Streamed>
  )
}
