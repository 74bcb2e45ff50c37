import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeOrderRulesRecordsWorkflow } from "../workflows/purge-order-rules-records"

/** Hourly: drop expired tracking rate-limit windows and old empty timer runs. */
export default async function purgeOrderRulesRecordsJob(container: MedusaContainer) {
  await purgeOrderRulesRecordsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "soko-order-rules-purge",
  schedule: "37 * * * *",
}
