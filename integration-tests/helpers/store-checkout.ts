type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any; status: number }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any; status: number }>
}

export const KENYAN_ADDRESS = {
  first_name: "Achieng",
  last_name: "Otieno",
  address_1: "Tom Mboya Street 5",
  city: "Nairobi",
  province: "Nairobi County",
  postal_code: "00100",
  country_code: "ke",
  phone: "+254712345678",
}

/**
 * A cart ready for payment, made through the store API as a shopper would:
 * region → cart with its item, email and addresses (one call: Medusa's
 * createCartWorkflow takes them all) → shipping → payment collection.
 */
export async function cartReadyForPayment(
  api: Api,
  headers: { headers: Record<string, string> },
  options: { currency?: "kes" | "usd"; quantity?: number; handle?: string; email?: string } = {}
) {
  const currency = options.currency ?? "kes"
  const { data: regions } = await api.get("/store/regions", headers)
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === currency)
  const { data: products } = await api.get(`/store/products?region_id=${region.id}&limit=50`, headers)
  const product = products.products.find((p: { handle: string }) => p.handle === (options.handle ?? "kenya-aa-coffee"))
  const address = currency === "kes" ? KENYAN_ADDRESS : { ...KENYAN_ADDRESS, country_code: "gb", city: "London" }
  const { data: cart } = await api.post(
    "/store/carts",
    {
      region_id: region.id,
      email: options.email ?? "shopper@example.com",
      items: [{ variant_id: product.variants[0].id, quantity: options.quantity ?? 1 }],
      shipping_address: address,
      billing_address: address,
    },
    headers
  )
  const cartId = cart.cart.id as string
  const { data: options_ } = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options_.shipping_options[0].id }, headers)
  const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
  return { cartId, regionId: region.id as string, paymentCollectionId: pc.payment_collection.id as string }
}

/** Retries `fn` until it returns a value, a bounded number of times (not a timing assertion). */
export async function eventually<T>(fn: () => Promise<T | undefined>, attempts = 100, pauseMs = 100): Promise<T> {
  let last: unknown
  for (let i = 0; i < attempts; i++) {
    try {
      const value = await fn()
      if (value !== undefined) {
        return value
      }
    } catch (error) {
      last = error
    }
    await new Promise((r) => setTimeout(r, pauseMs))
  }
  throw last ?? new Error("condition not met")
}
