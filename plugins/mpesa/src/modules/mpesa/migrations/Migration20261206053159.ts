import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206053159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_stk_request" add column if not exists "announced_at" timestamptz null;`);
    // Captures made before this column existed were announced by their own run
    // (or are long past mattering): reconciliation must not announce them again.
    this.addSql(`update "mpesa_stk_request" set "announced_at" = "captured_at" where "captured_at" is not null and "announced_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_unannounced" ON "mpesa_stk_request" ("captured_at") WHERE captured_at IS NOT NULL AND announced_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mpesa_stk_request_unannounced";`);
    this.addSql(`alter table if exists "mpesa_stk_request" drop column if exists "announced_at";`);
  }

}
