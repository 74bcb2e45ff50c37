import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
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
  if (product) {
    return { title: product.title, description: product.description ?? product.subtitle ?? undefined }
  }
  return { title: (await getTranslations("product"))("metaTitle") }
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
  const t = await getTranslations("product")
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
      <nav className="breadcrumbs" aria-label={t("breadcrumb")}>
        <ol>
          <li>
            <Link href={`/${country}/store`}>{t("shop")}</Link>
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
            <ul className="gallery__thumbs" aria-label={t("morePictures")}>
              {images.slice(1).map((img, i) => (
                <li key={img.id ?? i}>
                  <MediaImage src={img.url} alt={t("picture", { title: product.title ?? "", number: i + 2 })} size={72} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <h1 style={{ marginBottom: 4 }}>{product.title}</h1>
          {product.subtitle ? <p className="muted">{product.subtitle}</p> : null}
          <BuyBox product={buy} country={country} taxNote={region.currency_code === "kes" ? t("vatNote") : undefined} />
          {product.description ? (
            <section aria-labelledby="about" style={{ marginTop: 24 }}>
              <h2 id="about" className="h3">
                {t("about")}
              </h2>
              <p>{product.description}</p>
            </section>
          ) : null}
          <ul className="small muted" style={{ paddingLeft: "1.2em" }}>
            <li>{t("payNote")}</li>
            <li>{t("deliveryNote")}</li>
          </ul>
        </div>
      </div>
      {related.length ? (
        <section className="section" aria-labelledby="related">
          <h2 id="related">{t("moreIn", { category: category?.name ?? "" })}</h2>
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
