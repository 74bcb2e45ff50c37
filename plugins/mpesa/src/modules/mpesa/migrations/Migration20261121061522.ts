import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121061522 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_payout_receipt_unique";`);
    this.addSql(`alter table if exists "mpesa_callback_log" drop constraint if exists "mpesa_callback_log_kind_check";`);

    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_status_check";`);

    this.addSql(`alter table if exists "mpesa_callback_log" add constraint "mpesa_callback_log_kind_check" check("kind" in ('stk', 'reversal', 'b2c', 'unknown'));`);

    this.addSql(`alter table if exists "mpesa_reversal" add column if not exists "method" text check ("method" in ('reversal', 'b2c')) not null default 'reversal', add column if not exists "msisdn" text null, add column if not exists "payout_receipt" text null;`);
    this.addSql(`alter table if exists "mpesa_reversal" add constraint "mpesa_reversal_status_check" check("status" in ('pending', 'reversed', 'paid_out', 'failed'));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_reversal_payout_receipt_unique" ON "mpesa_reversal" ("payout_receipt") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_callback_log" drop constraint if exists "mpesa_callback_log_kind_check";`);

    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_status_check";`);

    this.addSql(`alter table if exists "mpesa_callback_log" add constraint "mpesa_callback_log_kind_check" check("kind" in ('stk', 'reversal', 'unknown'));`);

    this.addSql(`drop index if exists "IDX_mpesa_reversal_payout_receipt_unique";`);
    this.addSql(`alter table if exists "mpesa_reversal" drop column if exists "method", drop column if exists "msisdn", drop column if exists "payout_receipt";`);

    this.addSql(`alter table if exists "mpesa_reversal" add constraint "mpesa_reversal_status_check" check("status" in ('pending', 'reversed', 'failed'));`);
  }

}
