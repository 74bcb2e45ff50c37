import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206092827 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_c2b_payment" add column if not exists "announced_at" timestamptz null;`);
    // Captures made before this column existed were announced by their own run: never again.
    this.addSql(`update "mpesa_c2b_payment" set "announced_at" = "captured_at" where "captured_at" is not null and "announced_at" is null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_unannounced" ON "mpesa_c2b_payment" ("captured_at") WHERE captured_at IS NOT NULL AND announced_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mpesa_c2b_payment_unannounced";`);
    this.addSql(`alter table if exists "mpesa_c2b_payment" drop column if exists "announced_at";`);
  }

}
