import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261206124323 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_payment_collection_id" ON "mpesa_c2b_payment" ("payment_collection_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mpesa_c2b_payment_payment_collection_id";`);
  }

}
