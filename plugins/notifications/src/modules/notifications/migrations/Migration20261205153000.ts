import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { liquidParts, StoredOverride } from "../../../templates/legacy-syntax"

/**
 * Data only: rewrites admin template overrides saved in the old
 * {{#if}}/{{#each}} language to Liquid (templates/legacy-syntax.ts, where the
 * conversion is table-tested). Rows already in Liquid are left alone, so
 * running it again changes nothing.
 */
export class Migration20261205153000 extends Migration {
  override async up(): Promise<void> {
    // The table name unquoted: the packaging check reads `from "<name>"` as an import.
    const rows = (await this.execute(
      `select "id", "template", "subject", "html", "text", "sms" from soko_notification_template where "deleted_at" is null`
    )) as (StoredOverride & { id: string })[]
    for (const row of rows) {
      const parts = liquidParts(row)
      if (parts) {
        this.addSql(this.getKnex()("soko_notification_template").update(parts).where({ id: row.id }))
      }
    }
  }

  /**
   * Not converted back: after `up`, admins may have saved Liquid that the old
   * language cannot express (filters, case, assign). The code before Liquid
   * sends the built-in text with a warning for any override it cannot
   * compile, so going back loses customisations, never messages.
   */
  override async down(): Promise<void> {}
}
