import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205092856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_status_created_at" ON "mpesa_reversal" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_uncaptured" ON "mpesa_stk_request" ("created_at") WHERE status = 'paid' AND captured_at IS NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_mpesa_reversal_status_created_at";`);

    this.addSql(`drop index if exists "IDX_mpesa_stk_request_uncaptured";`);
  }

}
