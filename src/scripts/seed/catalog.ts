/**
 * The demo catalog of a Kenyan shop. Prices are in major units (KES 1,450 is
 * 1450), KES prices include 16% VAT as Kenyan shelf prices do.
 */

export type SeedVariant = {
  title: string
  sku: string
  options: Record<string, string>
  kes: number
  usd: number
  stock: number
}

export type SeedProduct = {
  handle: string
  title: string
  subtitle: string
  description: string
  category: string
  /** Handle of the product's collection (Medusa gives a product at most one). */
  collection?: string
  weight: number
  hue: number
  options: { title: string; values: string[] }[]
  variants: SeedVariant[]
}

export const SEED_CATEGORIES = [
  { handle: "coffee-tea", name: "Coffee & Tea" },
  { handle: "pantry", name: "Pantry" },
  { handle: "fashion", name: "Fashion" },
  { handle: "home-decor", name: "Home & Decor" },
  { handle: "kitchen", name: "Kitchen" },
  { handle: "electronics", name: "Electronics" },
] as const

export const SEED_COLLECTIONS = [
  { handle: "made-in-kenya", title: "Made in Kenya" },
  { handle: "best-sellers", title: "Best sellers" },
  { handle: "new-arrivals", title: "New arrivals" },
] as const

type VariantSpec = [options: Record<string, string>, kes: number, usd: number, stock: number]

function variants(skuBase: string, specs: VariantSpec[]): SeedVariant[] {
  return specs.map(([options, kes, usd, stock]) => {
    const values = Object.values(options)
    return {
      title: values.join(" / "),
      sku: [skuBase, ...values.map((v) => v.toUpperCase().replace(/[^A-Z0-9]+/g, ""))].join("-"),
      options,
      kes,
      usd,
      stock,
    }
  })
}

export const SEED_PRODUCTS: SeedProduct[] = [
  {
    handle: "kenya-aa-coffee",
    title: "Kenya AA Coffee",
    subtitle: "Nyeri highlands, 500 g",
    description: "Bright, blackcurrant-sweet AA beans from smallholder farms on the slopes of Mt Kenya, roasted in Nairobi.",
    category: "coffee-tea",
    collection: "best-sellers",
    weight: 500,
    hue: 25,
    options: [{ title: "Grind", values: ["Whole bean", "Ground"] }],
    variants: variants("COFFEE-AA", [
      [{ Grind: "Whole bean" }, 1450, 12, 120],
      [{ Grind: "Ground" }, 1450, 12, 80],
    ]),
  },
  {
    handle: "kericho-gold-tea",
    title: "Kericho Gold Tea",
    subtitle: "Black tea bags",
    description: "Strong, brisk black tea from the Kericho estates. Makes the perfect chai.",
    category: "coffee-tea",
    collection: "made-in-kenya",
    weight: 250,
    hue: 10,
    options: [{ title: "Pack", values: ["50 bags", "100 bags"] }],
    variants: variants("TEA-KERICHO", [
      [{ Pack: "50 bags" }, 290, 3, 200],
      [{ Pack: "100 bags" }, 520, 5, 150],
    ]),
  },
  {
    handle: "macadamia-nuts",
    title: "Roasted Macadamia Nuts",
    subtitle: "Lightly salted, 250 g",
    description: "Embu macadamias, slow-roasted and lightly salted.",
    category: "pantry",
    collection: "best-sellers",
    weight: 250,
    hue: 45,
    options: [{ title: "Size", values: ["250 g"] }],
    variants: variants("MACADAMIA", [[{ Size: "250 g" }, 850, 8, 90]]),
  },
  {
    handle: "baringo-honey",
    title: "Baringo Honey",
    subtitle: "Raw acacia honey",
    description: "Raw, unfiltered honey from beekeepers around Lake Baringo.",
    category: "pantry",
    collection: "made-in-kenya",
    weight: 500,
    hue: 40,
    options: [{ title: "Size", values: ["250 g", "500 g"] }],
    variants: variants("HONEY-BARINGO", [
      [{ Size: "250 g" }, 650, 6, 60],
      [{ Size: "500 g" }, 1100, 10, 40],
    ]),
  },
  {
    handle: "maasai-shuka",
    title: "Maasai Shuka Blanket",
    subtitle: "Hand-loomed cotton",
    description: "The classic checked shuka: a blanket, a wrap, a picnic cloth.",
    category: "home-decor",
    collection: "made-in-kenya",
    weight: 600,
    hue: 0,
    options: [{ title: "Color", values: ["Red", "Blue"] }],
    variants: variants("SHUKA", [
      [{ Color: "Red" }, 1800, 16, 50],
      [{ Color: "Blue" }, 1800, 16, 35],
    ]),
  },
  {
    handle: "kiondo-basket",
    title: "Kiondo Sisal Basket",
    subtitle: "Woven by hand in Machakos",
    description: "A sturdy woven sisal basket with leather handles.",
    category: "home-decor",
    collection: "made-in-kenya",
    weight: 700,
    hue: 30,
    options: [{ title: "Size", values: ["Small", "Large"] }],
    variants: variants("KIONDO", [
      [{ Size: "Small" }, 1600, 14, 25],
      [{ Size: "Large" }, 2500, 22, 15],
    ]),
  },
  {
    handle: "soapstone-elephant",
    title: "Soapstone Elephant",
    subtitle: "Kisii soapstone carving",
    description: "A smooth, hand-carved elephant in pink Kisii soapstone.",
    category: "home-decor",
    collection: "made-in-kenya",
    weight: 400,
    hue: 340,
    options: [{ title: "Size", values: ["10 cm", "20 cm"] }],
    variants: variants("SOAPSTONE-ELEPHANT", [
      [{ Size: "10 cm" }, 950, 9, 30],
      [{ Size: "20 cm" }, 2100, 19, 10],
    ]),
  },
  {
    handle: "kikoi-wrap",
    title: "Kikoi Beach Wrap",
    subtitle: "Coastal cotton",
    description: "Light striped cotton kikoi from Lamu, for the beach or the sofa.",
    category: "fashion",
    collection: "new-arrivals",
    weight: 300,
    hue: 190,
    options: [{ title: "Color", values: ["Ocean", "Sunset"] }],
    variants: variants("KIKOI", [
      [{ Color: "Ocean" }, 1200, 11, 40],
      [{ Color: "Sunset" }, 1200, 11, 40],
    ]),
  },
  {
    handle: "kitenge-shirt",
    title: "Kitenge Shirt",
    subtitle: "Wax-print cotton",
    description: "A short-sleeved shirt in bold kitenge print, tailored in Nairobi.",
    category: "fashion",
    collection: "best-sellers",
    weight: 250,
    hue: 280,
    options: [{ title: "Size", values: ["S", "M", "L", "XL"] }],
    variants: variants("KITENGE", [
      [{ Size: "S" }, 2800, 24, 12],
      [{ Size: "M" }, 2800, 24, 20],
      [{ Size: "L" }, 2800, 24, 20],
      [{ Size: "XL" }, 2800, 24, 8],
    ]),
  },
  {
    handle: "beaded-bracelet",
    title: "Maasai Beaded Bracelet",
    subtitle: "Glass beads on leather",
    description: "Hand-beaded bracelet made by a women's cooperative in Kajiado.",
    category: "fashion",
    collection: "made-in-kenya",
    weight: 30,
    hue: 120,
    options: [{ title: "Color", values: ["Rainbow", "Black & white"] }],
    variants: variants("BRACELET", [
      [{ Color: "Rainbow" }, 600, 6, 100],
      [{ Color: "Black & white" }, 600, 6, 60],
    ]),
  },
  {
    handle: "jiko-stove",
    title: "Energy-saving Jiko",
    subtitle: "Ceramic-lined charcoal stove",
    description: "Uses up to half the charcoal of a metal jiko. Ceramic liner, steel cladding.",
    category: "kitchen",
    collection: "best-sellers",
    weight: 4500,
    hue: 15,
    options: [{ title: "Size", values: ["Standard"] }],
    variants: variants("JIKO", [[{ Size: "Standard" }, 3200, 28, 18]]),
  },
  {
    handle: "sufuria-set",
    title: "Sufuria Set",
    subtitle: "Aluminium pots with lids",
    description: "Three nesting sufurias for ugali, stew and chai.",
    category: "kitchen",
    weight: 2500,
    hue: 210,
    options: [{ title: "Pieces", values: ["3 pieces", "5 pieces"] }],
    variants: variants("SUFURIA", [
      [{ Pieces: "3 pieces" }, 2900, 25, 22],
      [{ Pieces: "5 pieces" }, 4500, 39, 14],
    ]),
  },
  {
    handle: "solar-lantern",
    title: "Solar Lantern",
    subtitle: "With USB phone charging",
    description: "Eight hours of light from a day in the sun, and it charges your phone.",
    category: "electronics",
    collection: "new-arrivals",
    weight: 600,
    hue: 55,
    options: [{ title: "Model", values: ["Lite", "Pro"] }],
    variants: variants("SOLAR-LANTERN", [
      [{ Model: "Lite" }, 2300, 20, 30],
      [{ Model: "Pro" }, 3500, 30, 20],
    ]),
  },
  {
    handle: "power-bank",
    title: "Power Bank 10,000 mAh",
    subtitle: "Two USB ports",
    description: "Keeps two phones going through a long matatu ride.",
    category: "electronics",
    weight: 220,
    hue: 240,
    options: [{ title: "Color", values: ["Black", "White"] }],
    variants: variants("POWERBANK", [
      [{ Color: "Black" }, 2200, 19, 45],
      [{ Color: "White" }, 2200, 19, 0],
    ]),
  },
]
