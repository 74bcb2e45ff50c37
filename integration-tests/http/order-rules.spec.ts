import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { setupShop, type Shop } from "../helpers/order-rules-shop"
import { automaticTransitions } from "./order-rules/automatic"
import { merchantRules } from "./order-rules/rules"
import { statusChange } from "./order-rules/status-change"
import { timers } from "./order-rules/timers"
import { tracking } from "./order-rules/tracking"

jest.setTimeout(180_000)

/**
 * The order-rules plugin in the whole app: its suites (./order-rules/) share
 * one app and one seeded shop, because booting an app costs each spec file
 * about 15 s of CPU. The runner snapshots the database after the seed and
 * restores it before every test, so the suites cannot see each other's orders.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    beforeAll(async () => {
      shop = await setupShop(getContainer(), api)
    })
    const context = { api, getContainer, shop: () => shop }

    statusChange(context)
    automaticTransitions(context)
    timers(context)
    tracking(context)
    merchantRules(context)
  },
})
