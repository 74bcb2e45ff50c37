import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runSeed } from "./seed/run-seed"

/** `npm run seed`: the demo Kenyan shop, safe to run any number of times. */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await runSeed(container)
  logger.info(`Seed complete: ${result.productsCreated} new product(s)`)
}
