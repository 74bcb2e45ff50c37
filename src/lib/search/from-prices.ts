import { QueryContext } from "@medusajs/framework/utils"
import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { cheapestVariantPrice, type VariantPrices, INDEXED_CURRENCIES, type FromPrices, type IndexedCurrency } from "./product-document"

/**
 * Each product's "from" price (cheapest variant, calculated by Medusa's pricing
 * module for a region of that currency, so price lists and tax-inclusive
 * settings count as the storefront shows them). One `query.graph` per indexed
 * currency per page of products, whatever the page size.
 */
export async function fromPricesFor(query: RemoteQueryFunction, productIds: string[]): Promise<FromPrices> {
  const prices: FromPrices = new Map(productIds.map((id) => [id, {}]))
  if (!productIds.length) {
    return prices
  }
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "currency_code"] })
  for (const currency of INDEXED_CURRENCIES) {
    const region = (regions as { id: string; currency_code: string }[]).find((r) => r.currency_code === currency)
    if (!region) {
      continue
    }
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "variants.calculated_price.calculated_amount"],
      filters: { id: productIds },
      context: { variants: { calculated_price: QueryContext({ region_id: region.id, currency_code: currency }) } },
    })
    for (const product of products as { id: string; variants?: VariantPrices }[]) {
      const amount = cheapestVariantPrice(product.variants)
      if (amount !== undefined) {
        prices.get(product.id)![currency as IndexedCurrency] = amount
      }
    }
  }
  return prices
}
