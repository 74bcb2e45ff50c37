/**
 * The catalog page a shopper opens as "price: low to high" with a price range,
 * page 3 (12 a page), served two ways (issue 17):
 *
 *   catalog-search  Soko: one POST /store/search (Medusa's Search Module, the
 *                   index in src/search/product.ts) for the page's ids, then the
 *                   cards for those ids.
 *   catalog-scan    what the storefront did before the Search Module, and what
 *                   any Medusa shop must do without it (the store API cannot
 *                   order by calculated price): every matching product's id and
 *                   prices in pages of 200, filtered and sorted by the client,
 *                   then the cards. Kept here only as the measured baseline.
 */
import { PRICE_FIELDS, store, type BenchContext, type Counter, type Json } from "./client"

const PAGE = 12
const PAGE_NUMBER = 3
const MIN_KES = 1000
const MAX_KES = 3000
const SCAN_PAGE = 200

const cardsPath = (ctx: BenchContext, ids: string[]) =>
  `/store/products?${ids.map((id) => `id[]=${id}`).join("&")}&limit=${ids.length}&region_id=${ctx.regionId}&fields=id,title,handle,thumbnail,${PRICE_FIELDS}`

async function cards(ctx: BenchContext, n: Counter, ids: string[]) {
  if (ids.length) {
    await store(ctx, n).get(cardsPath(ctx, ids))
  }
}

async function bySearch(ctx: BenchContext, n: Counter) {
  const { body } = await store(ctx, n).post("/store/search", {
    queries: [
      {
        entity: "product",
        fields: ["id"],
        filters: { price_kes: { $gte: MIN_KES, $lte: MAX_KES } },
        pagination: { skip: (PAGE_NUMBER - 1) * PAGE, take: PAGE, order: { price_kes: "ASC" } },
        search_options: { count: "exact" },
      },
    ],
  })
  const ids = ((body as Json).results[0].hits as { id: string }[]).map((h) => h.id)
  if (ids.length !== PAGE) {
    throw new Error(`catalog-search: page ${PAGE_NUMBER} holds ${ids.length} products, expected ${PAGE}`)
  }
  await cards(ctx, n, ids)
}

async function byScan(ctx: BenchContext, n: Counter) {
  const rows: { id: string; price: number }[] = []
  for (let offset = 0; ; offset += SCAN_PAGE) {
    const { body } = await store(ctx, n).get(
      `/store/products?limit=${SCAN_PAGE}&offset=${offset}&order=created_at&region_id=${ctx.regionId}&fields=id,variants.id,variants.calculated_price.calculated_amount`
    )
    const { products, count } = body as Json
    for (const p of products as Json[]) {
      const prices = (p.variants as Json[]).map((v) => v.calculated_price?.calculated_amount).filter((a): a is number => typeof a === "number")
      if (prices.length) {
        rows.push({ id: p.id, price: Math.min(...prices) })
      }
    }
    if (!products.length || offset + SCAN_PAGE >= count) {
      break
    }
  }
  const page = rows
    .filter((r) => r.price >= MIN_KES && r.price <= MAX_KES)
    .sort((a, b) => a.price - b.price)
    .slice((PAGE_NUMBER - 1) * PAGE, PAGE_NUMBER * PAGE)
  if (page.length !== PAGE) {
    throw new Error(`catalog-scan: page ${PAGE_NUMBER} holds ${page.length} products, expected ${PAGE}`)
  }
  await cards(ctx, n, page.map((r) => r.id))
}

export const CATALOG_SCENARIOS = {
  "catalog-search": {
    label: `Catalog page ${PAGE_NUMBER}, price low→high, KES ${MIN_KES}–${MAX_KES}: Search Module`,
    connections: 10,
    vanilla: false,
    run: (ctx: BenchContext, n: Counter) => bySearch(ctx, n),
  },
  "catalog-scan": {
    label: `Catalog page ${PAGE_NUMBER}, price low→high, KES ${MIN_KES}–${MAX_KES}: scan of the store API`,
    connections: 4,
    vanilla: true,
    run: (ctx: BenchContext, n: Counter) => byScan(ctx, n),
  },
}
