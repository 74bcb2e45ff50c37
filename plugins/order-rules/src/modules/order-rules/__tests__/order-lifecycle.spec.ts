import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ORDER_RULES_MODULE } from ".."
import type OrderRulesModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<OrderRulesModuleService>({
  moduleName: ORDER_RULES_MODULE,
  resolve: path.join(__dirname, ".."),
  testSuite: ({ service }) => {
    describe("order lifecycle records", () => {
      it("stores one status per order", async () => {
        const created = await service.createOrderLifecycles({ order_id: "order_1", status: "awaiting_payment" })
        expect(created.id).toMatch(/^olc_/)
        const [found] = await service.listOrderLifecycles({ order_id: "order_1" })
        expect(found.status).toBe("awaiting_payment")
      })

      it("refuses a second record for the same order", async () => {
        await service.createOrderLifecycles({ order_id: "order_2", status: "awaiting_payment" })
        await expect(
          service.createOrderLifecycles({ order_id: "order_2", status: "paid" })
        ).rejects.toThrow(/order_id/)
        const all = await service.listOrderLifecycles({ order_id: "order_2" })
        expect(all.map((l) => l.status)).toEqual(["awaiting_payment"])
      })
    })
  },
})
