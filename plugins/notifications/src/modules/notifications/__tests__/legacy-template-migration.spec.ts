import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOKO_NOTIFICATIONS_MODULE } from ".."
import { Migration20261205153000 } from "../migrations/Migration20261205153000"
import type NotificationsModuleService from "../service"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<NotificationsModuleService>({
  moduleName: SOKO_NOTIFICATIONS_MODULE,
  resolve: path.join(__dirname, ".."),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const migrate = async () => {
      const orm = MikroOrmWrapper.getOrm()
      const migration = new Migration20261205153000(
        orm.em.getDriver() as never,
        orm.config as never
      )
      await migration.up()
      for (const query of migration.getQueries()) {
        await migration.execute(query)
      }
      return migration.getQueries().length
    }

    it("rewrites stored overrides from the old block language to Liquid, once", async () => {
      await service.createNotificationTemplates([
        {
          template: "order-placed",
          locale: "en",
          subject: "Order #{{order_number}}",
          sms: "{{#if customer_first_name}}Hi {{customer_first_name}}{{else}}Hi{{/if}}! #{{order_number}}",
          text: "{{#each items}}- {{quantity}} x {{title}}\n{{/each}}{{! internal note }}Total {{order_total}}",
        },
        { template: "welcome", locale: "sw", subject: "Karibu {{store_name}}", html: null },
        { template: "order-shipped", locale: "en", sms: "{% if carrier %}{{carrier}}{% endif %}" },
      ])

      expect(await migrate()).toBe(1)

      const rows = await service.listNotificationTemplates({}, { order: { template: "ASC" } })
      const placed = rows.find((r) => r.template === "order-placed")!
      expect(placed).toEqual(
        expect.objectContaining({
          subject: "Order #{{order_number}}",
          sms: "{% if customer_first_name %}Hi {{customer_first_name}}{% else %}Hi{% endif %}! #{{order_number}}",
          text: "{% for item in items %}- {{ item.quantity }} x {{ item.title }}\n{% endfor %}{% comment %}internal note{% endcomment %}Total {{order_total}}",
          html: null,
        })
      )
      expect(rows.find((r) => r.template === "welcome")).toEqual(
        expect.objectContaining({ subject: "Karibu {{store_name}}", html: null })
      )
      expect(rows.find((r) => r.template === "order-shipped")!.sms).toBe("{% if carrier %}{{carrier}}{% endif %}")

      // Running it again finds nothing to do.
      expect(await migrate()).toBe(0)
      // What it wrote is accepted and rendered by the new engine.
      const overrides = await service.templateOverrides()
      expect(overrides["order-placed"]?.en?.sms).toContain("{% if customer_first_name %}")
    })
  },
})
