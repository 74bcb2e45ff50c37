import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import searchReindex from "../../src/scripts/search-reindex"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { useSeededShop } from "../helpers/seeded-shop"
import { cartReadyForPayment, eventually } from "../helpers/store-checkout"

jest.setTimeout(180_000)

type Hit = { id: string; document: Record<string, any> }

/**
 * The catalog on Medusa's Search Module (src/search/product.ts, POST /store/search):
 * what the storefront's search box, filters, facets, price sort and pages are
 * served by. Each answer is checked against the store API's own product list
 * and calculated prices, the truth the index is a projection of.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    const shop = useSeededShop(getContainer, api)
    // The runner snapshots the database after the beforeAlls and restores it before each test, index
    // included: rebuild it now so the snapshot holds every product event and translation the seed made.
    beforeAll(() => searchReindex({ container: getContainer(), args: [] } as any))
    const searchProducts = (query: Record<string, unknown>) =>
      api.post("/store/search", { queries: [{ entity: "product", ...query }] }, shop.store()).then(
        (r: any) => r,
        (e: any) => e.response
      )
    const hitsOf = async (query: Record<string, unknown>): Promise<{ hits: Hit[]; count: number; facets: any }> => {
      const r = await searchProducts(query)
      expect(r.status).toBe(200)
      const [result] = r.data.results
      return { hits: result.hits, count: result.metadata.count, facets: result.facets }
    }
    /** Waits until the index (fed by Medusa's events) answers `query` as `ready` says. */
    const indexed = (query: Record<string, unknown>, ready: (hits: Hit[]) => boolean) =>
      eventually(async () => {
        const { hits } = await hitsOf(query)
        return ready(hits) ? hits : undefined
      }, 150, 100)

    /** Every published product with its cheapest calculated KES price, from the store API. */
    const truth = async (query = "") => {
      const { data: regions } = await api.get("/store/regions", shop.store())
      const kenya = regions.regions.find((r: any) => r.currency_code === "kes")
      const { data } = await api.get(
        `/store/products?region_id=${kenya.id}&limit=200&fields=id,handle,title,*variants.calculated_price${query}`,
        shop.store()
      )
      return (data.products as any[]).map((p) => ({
        id: p.id as string,
        handle: p.handle as string,
        price: Math.min(...p.variants.map((v: any) => v.calculated_price?.calculated_amount ?? Infinity)),
      }))
    }
    const ready = () => indexed({ fields: ["id"], pagination: { take: 1 } }, (hits) => hits.length > 0)

    it("finds a product by the words of its title, misspelt too", async () => {
      await ready()
      const exact = await hitsOf({ fields: ["id", "handle"], filters: { q: "Kenya AA coffee" } })
      expect(exact.hits[0].document.handle).toBe("kenya-aa-coffee")
      const typo = await hitsOf({ fields: ["id", "handle"], filters: { q: "cofee" }, search_options: { typo_tolerance: true } })
      expect(typo.hits.map((h) => h.document.handle)).toContain("kenya-aa-coffee")
      const none = await hitsOf({ fields: ["id"], filters: { q: "kikapu-that-does-not-exist" } })
      expect(none.hits).toEqual([])
    })

    it("orders the whole catalog by price across pages, as the store API prices it", async () => {
      await ready()
      const expected = (await truth()).filter((p) => Number.isFinite(p.price)).sort((a, b) => a.price - b.price)
      const seen: Hit[] = []
      for (let skip = 0; ; skip += 4) {
        const page = await hitsOf({ fields: ["id", "price_kes"], pagination: { skip, take: 4, order: { price_kes: "ASC" } }, search_options: { count: "exact" } })
        expect(page.count).toBe(expected.length)
        seen.push(...page.hits)
        if (page.hits.length < 4) {break}
      }
      expect(seen.map((h) => h.document.price_kes)).toEqual(expected.map((p) => p.price))
      expect(new Set(seen.map((h) => h.id))).toEqual(new Set(expected.map((p) => p.id)))

      const descending = await hitsOf({ fields: ["id", "price_kes"], pagination: { take: 1, order: { price_kes: "DESC" } } })
      expect(descending.hits[0].document.price_kes).toBe(expected[expected.length - 1].price)
    })

    it("filters by price range, category and option value, with facets for each", async () => {
      await ready()
      const all = await truth()
      const inRange = all.filter((p) => p.price >= 1000 && p.price <= 2000)
      const ranged = await hitsOf({
        fields: ["id", "price_kes"],
        filters: { price_kes: { $gte: 1000, $lte: 2000 } },
        pagination: { take: 100 },
        search_options: { count: "exact", facets: [{ field: "price_kes", type: "stats" }] },
      })
      expect(new Set(ranged.hits.map((h) => h.id))).toEqual(new Set(inRange.map((p) => p.id)))
      expect(ranged.facets.price_kes).toEqual(expect.objectContaining({ min: Math.min(...inRange.map((p) => p.price)), max: Math.max(...inRange.map((p) => p.price)) }))

      const { data: categories } = await api.get("/store/product-categories?handle=pantry&fields=id", shop.store())
      const pantry = await truth(`&category_id=${categories.product_categories[0].id}`)
      const filtered = await hitsOf({
        fields: ["id"],
        filters: { category_handles: { $overlaps: ["pantry"] } },
        pagination: { take: 100 },
        search_options: { disjunctive_facets: true, facets: [{ field: "category_handles", limit: 50 }] },
      })
      expect(new Set(filtered.hits.map((h) => h.id))).toEqual(new Set(pantry.map((p) => p.id)))
      // Disjunctive: the other categories still count, so a shopper can widen the choice.
      expect(filtered.facets.category_handles.values.length).toBeGreaterThan(1)

      const sized = await hitsOf({ fields: ["id", "option_values"], filters: { option_values: { $overlaps: ["Size:500 g"] } }, pagination: { take: 100 } })
      expect(sized.hits.length).toBeGreaterThan(0)
      for (const hit of sized.hits) {
        expect(hit.document.option_values).toContain("Size:500 g")
      }
    })

    it("matches option values together only when one variant has them all", async () => {
      await ready()
      const { data: stores } = await api.get("/admin/stores?fields=default_sales_channel_id", shop.admin())
      const created = await api.post(
        "/admin/products",
        {
          title: "Kanga Two-Way",
          status: "published",
          sales_channels: [{ id: stores.stores[0].default_sales_channel_id }],
          options: [
            { title: "Color", values: ["Red", "Blue"] },
            { title: "Size", values: ["M", "L"] },
          ],
          variants: [
            { title: "Red M", options: { Color: "Red", Size: "M" }, prices: [{ currency_code: "kes", amount: 900 }], manage_inventory: false },
            { title: "Blue L", options: { Color: "Blue", Size: "L" }, prices: [{ currency_code: "kes", amount: 950 }], manage_inventory: false },
          ],
        },
        shop.admin()
      )
      const id = created.data.product.id
      await indexed({ fields: ["id"], filters: { option_sets: { $overlaps: ["Color:Red|Size:M"] } } }, (hits) => hits.some((h) => h.id === id))
      const apart = await hitsOf({ fields: ["id"], filters: { option_sets: { $overlaps: ["Color:Red|Size:L"] } } })
      expect(apart.hits.map((h) => h.id)).not.toContain(id)
      // Each value alone is offered, by a different variant.
      const either = await hitsOf({ fields: ["id"], filters: { $and: [{ option_values: { $overlaps: ["Color:Red"] } }, { option_values: { $overlaps: ["Size:L"] } }] } })
      expect(either.hits.map((h) => h.id)).toContain(id)
    })

    it("keeps up with the merchant's edits and never shows a draft, even when asked to", async () => {
      await ready()
      const [honey] = await truth("&handle=baringo-honey")
      const edited = await api.post(`/admin/products/${honey.id}`, { title: "Asali ya Baringo" }, shop.admin())
      expect(edited.status).toBe(200)
      await indexed({ fields: ["id"], filters: { q: "Asali" } }, (hits) => hits.some((h) => h.id === honey.id))

      // A variant's new price moves the product in the price order.
      const { data } = await api.get(`/admin/products/${honey.id}?fields=variants.id,*variants.prices`, shop.admin())
      const cheapest = data.product.variants[0]
      const repriced = await api.post(
        `/admin/products/${honey.id}/variants/${cheapest.id}`,
        { prices: [...cheapest.prices.filter((p: any) => p.currency_code !== "kes").map((p: any) => ({ id: p.id, amount: p.amount, currency_code: p.currency_code })), { currency_code: "kes", amount: 1 }] },
        shop.admin()
      )
      expect(repriced.status).toBe(200)
      await indexed({ fields: ["id", "price_kes"], pagination: { take: 1, order: { price_kes: "ASC" } } }, (hits) => hits[0]?.id === honey.id && hits[0].document.price_kes === 1)

      await api.post(`/admin/products/${honey.id}`, { status: "draft" }, shop.admin())
      await indexed({ fields: ["id"], filters: { handle: "baringo-honey" } }, (hits) => hits.length === 0)
      const widened = await hitsOf({ fields: ["id"], filters: { status: "draft" }, pagination: { take: 100 } })
      expect(widened.hits).toEqual([])
    })

    it("serves the catalog in Swahili from the Translation Module, and finds it by Swahili words", async () => {
      await ready()
      const { data: sw } = await api.get("/store/products?handle=kenya-aa-coffee&locale=sw-KE&fields=title,subtitle", shop.store())
      expect(sw.products[0]).toEqual(expect.objectContaining({ title: "Kahawa ya Kenya AA", subtitle: "Nyanda za juu za Nyeri, g 500" }))
      const { data: en } = await api.get("/store/products?handle=kenya-aa-coffee&fields=title", shop.store())
      expect(en.products[0].title).toBe("Kenya AA Coffee")
      const { data: categories } = await api.get("/store/product-categories?handle=coffee-tea&locale=sw-KE&fields=name", shop.store())
      expect(categories.product_categories[0].name).toBe("Kahawa na Chai")
      const { data: locales } = await api.get("/store/locales", shop.store())
      expect(locales.locales.map((l: any) => l.code)).toEqual(expect.arrayContaining(["en-KE", "sw-KE"]))

      const kahawa = await hitsOf({ fields: ["id", "handle", "title_sw"], filters: { q: "kahawa" } })
      expect(kahawa.hits[0].document).toEqual(expect.objectContaining({ handle: "kenya-aa-coffee", title_sw: "Kahawa ya Kenya AA" }))
      const bangili = await hitsOf({ fields: ["id", "handle"], filters: { q: "bangili shanga" } })
      expect(bangili.hits[0].document.handle).toBe("beaded-bracelet")
    })

    it("options, values and variant titles come in Swahili, and a Swahili cart's items carry them until the language changes", async () => {
      // Medusa translates only the objects that carry their id.
      const fields = "fields=title,options.id,options.title,options.values.id,options.values.value,variants.id,variants.title,variants.options.id,variants.options.value"
      const { data: sw } = await api.get(`/store/products?handle=kenya-aa-coffee&locale=sw-KE&${fields}`, shop.store())
      const [coffee] = sw.products
      expect(coffee.options.map((o: any) => [o.title, o.values.map((v: any) => v.value).sort()])).toEqual([["Usagaji", ["Iliyosagwa", "Maharagwe mazima"]]])
      expect(coffee.variants.map((v: any) => [v.title, v.options[0].value]).sort()).toEqual([
        ["Iliyosagwa", "Iliyosagwa"],
        ["Maharagwe mazima", "Maharagwe mazima"],
      ])
      // A size nobody translates stays as it is beside a translated option title.
      const { data: shirt } = await api.get(`/store/products?handle=kitenge-shirt&locale=sw-KE&${fields}`, shop.store())
      expect(shirt.products[0].options.map((o: any) => [o.title, o.values.map((v: any) => v.value).sort()])).toEqual([["Ukubwa", ["L", "M", "S", "XL"]]])

      const { data: en } = await api.get("/store/products?handle=kenya-aa-coffee&fields=id,variants.id,variants.title", shop.store())
      const variant = en.products[0].variants.find((v: any) => v.title === "Ground")
      const { data: regions } = await api.get("/store/regions", shop.store())
      const kenya = regions.regions.find((r: any) => r.currency_code === "kes")
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: kenya.id, locale: "sw-KE", items: [{ variant_id: variant.id, quantity: 1 }] },
        shop.store()
      )
      const itemTitles = (cart: any) => cart.items.map((i: any) => [i.product_title, i.variant_title])
      expect(created.cart.locale).toBe("sw-KE")
      expect(itemTitles(created.cart)).toEqual([["Kahawa ya Kenya AA", "Iliyosagwa"]])
      const { data: english } = await api.post(`/store/carts/${created.cart.id}`, { locale: "en-KE" }, shop.store())
      expect(itemTitles(english.cart)).toEqual([["Kenya AA Coffee", "Ground"]])

      // The catalog's option filters are labelled from the index's dictionary of Swahili option words,
      // and a merchant's edit of a value's translation reaches it.
      await ready()
      const words = async () => {
        const { facets } = await hitsOf({ fields: ["id"], pagination: { take: 1 }, search_options: { facets: [{ field: "option_words_sw", limit: 200 }] } })
        return (facets.option_words_sw.values as { value: string }[]).map((v) => JSON.parse(v.value) as string[])
      }
      expect(await words()).toEqual(expect.arrayContaining([["Grind:Ground", "Usagaji", "Iliyosagwa"], ["Size:M", "Ukubwa", "M"]]))
      const ground = coffee.variants.flatMap((v: any) => v.options).find((o: any) => o.value === "Iliyosagwa")
      const { data: current } = await api.get(`/admin/translations?reference_id=${ground.id}&locale_code=sw-KE`, shop.admin())
      const edited = await api.post("/admin/translations/batch", { update: [{ id: current.translations[0].id, translations: { value: "Ya kusagwa" } }] }, shop.admin())
      expect(edited.status).toBe(200)
      await eventually(async () => ((await words()).some((w) => w[0] === "Grind:Ground" && w[2] === "Ya kusagwa") ? true : undefined), 150, 100)
    })

    it("holds each product's stock state: an order taking the last units and a restock reach the index", async () => {
      await ready()
      const inStock = async () => (await hitsOf({ fields: ["id"], filters: { in_stock: true }, pagination: { take: 100 } })).hits.map((h) => h.id)
      const all = await truth()
      expect(new Set(await inStock())).toEqual(new Set(all.map((p) => p.id)))

      // The jiko has one variant and 18 in stock: an order for all 18 reserves them.
      const [jiko] = await truth("&handle=jiko-stove")
      const { cartId, paymentCollectionId } = await cartReadyForPayment(api, shop.store(), { handle: "jiko-stove", quantity: 18 })
      await api.post(`/store/payment-collections/${paymentCollectionId}/payment-sessions`, { provider_id: "pp_system_default" }, shop.store())
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, shop.store())
      expect(completed.type).toBe("order")
      await indexed({ fields: ["id", "in_stock"], filters: { handle: "jiko-stove" } }, (hits) => hits[0]?.document.in_stock === false)
      expect(await inStock()).not.toContain(jiko.id)
      const { data: shown } = await api.get("/store/products?handle=jiko-stove&fields=variants.inventory_quantity", shop.store())
      expect(shown.products[0].variants[0].inventory_quantity).toBe(0)
      const facet = await hitsOf({ fields: ["id"], pagination: { take: 1 }, search_options: { facets: [{ field: "in_stock" }] } })
      const counts = Object.fromEntries(facet.facets.in_stock.values.map((v: any) => [String(v.value), v.count]))
      expect(counts).toEqual({ true: all.length - 1, false: 1 })

      // The merchant restocks in the admin.
      const { data: variant } = await api.get(
        `/admin/products/${jiko.id}?fields=variants.inventory_items.inventory_item_id`,
        shop.admin()
      )
      const itemId = variant.product.variants[0].inventory_items[0].inventory_item_id
      const { data: levels } = await api.get(`/admin/inventory-items/${itemId}/location-levels`, shop.admin())
      const level = levels.inventory_levels[0]
      const restocked = await api.post(
        `/admin/inventory-items/${itemId}/location-levels/${level.location_id}`,
        { stocked_quantity: Number(level.stocked_quantity) + 5 },
        shop.admin()
      )
      expect(restocked.status).toBe(200)
      await indexed({ fields: ["id", "in_stock"], filters: { handle: "jiko-stove" } }, (hits) => hits[0]?.document.in_stock === true)
    })

    it("a merchant's Swahili edit in the admin reaches search", async () => {
      await ready()
      const [lantern] = await truth("&handle=solar-lantern")
      const { data } = await api.get(`/admin/translations?reference_id=${lantern.id}&locale_code=sw-KE`, shop.admin())
      const [current] = data.translations
      const edited = await api.post(
        "/admin/translations/batch",
        { update: [{ id: current.id, translations: { ...current.translations, title: "Kandili ya Jua" } }] },
        shop.admin()
      )
      expect(edited.status).toBe(200)
      await indexed({ fields: ["id"], filters: { q: "kandili" } }, (hits) => hits[0]?.id === lantern.id)
      const { data: shown } = await api.get(`/store/products?id=${lantern.id}&locale=sw-KE&fields=title`, shop.store())
      expect(shown.products[0].title).toBe("Kandili ya Jua")
    })

    it("search:reindex rebuilds an index that drifted from the database, and returns when it is done", async () => {
      await ready()
      const [tea] = await truth("&handle=kericho-gold-tea")
      // Written behind Medusa's back: no event, so the index still holds the old title.
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("product").where({ id: tea.id }).update({ title: "Majani ya Kericho" })
      expect((await hitsOf({ fields: ["id"], filters: { q: "Majani" } })).hits).toEqual([])

      await searchReindex({ container: getContainer(), args: [] } as any)
      const found = await hitsOf({ fields: ["id"], filters: { q: "Majani" } })
      expect(found.hits.map((h) => h.id)).toEqual([tea.id])
      expect((await hitsOf({ fields: ["id"], search_options: { count: "exact" } })).count).toBe((await truth()).length)
    })

    it("answers bad queries with a 4xx that names the problem", async () => {
      await ready()
      const unknownIndex = await searchProducts({ entity: "customer" })
      expect(unknownIndex.status).toBe(404)
      expect(unknownIndex.data.message).toMatch(/No search index named "customer"/)
      const secret = await searchProducts({ fields: ["id", "status"] })
      expect(secret.status).toBe(400)
      expect(secret.data.message).toMatch(/can't return the fields: status/)
      const badPage = await searchProducts({ pagination: { take: -1 } })
      expect(badPage.status).toBe(400)
    })
  },
})
