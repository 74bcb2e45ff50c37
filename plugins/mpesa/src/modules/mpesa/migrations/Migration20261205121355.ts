import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205121355 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_claimed_receipt_unique";`);
    this.addSql(`alter table if exists "mpesa_reversal" add column if not exists "claimed_receipt" text null, add column if not exists "claimed_by" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_reversal_claimed_receipt_unique" ON "mpesa_reversal" ("claimed_receipt") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mpesa_reversal_claimed_receipt_unique";`);
    this.addSql(`alter table if exists "mpesa_reversal" drop column if exists "claimed_receipt", drop column if exists "claimed_by";`);
  }

}
