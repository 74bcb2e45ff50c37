import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import type { Shop } from "../../helpers/order-rules-shop"

/** What each order-rules suite gets from the one app they share (../order-rules.spec.ts). */
export type OrderRulesSuiteContext = Pick<MedusaSuiteOptions, "api" | "getContainer"> & {
  /** The shop seeded once before every suite; the runner restores the database to it before each test. */
  shop: () => Shop
}
