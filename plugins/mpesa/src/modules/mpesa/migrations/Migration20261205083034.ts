import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205083034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_callback_log" drop constraint if exists "mpesa_callback_log_kind_check";`);

    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_status_check";`);

    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_status_check";`);

    this.addSql(`alter table if exists "mpesa_callback_log" add constraint "mpesa_callback_log_kind_check" check("kind" in ('stk', 'reversal', 'b2c', 'status', 'unknown'));`);

    this.addSql(`alter table if exists "mpesa_reversal" add column if not exists "status_conversation_id" text null, add column if not exists "status_queried_at" timestamptz null, add column if not exists "ids_from_result" boolean not null default false;`);
    this.addSql(`alter table if exists "mpesa_reversal" add constraint "mpesa_reversal_status_check" check("status" in ('requested', 'pending', 'unknown', 'confirming', 'reversed', 'paid_out', 'failed'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_status_conversation_id" ON "mpesa_reversal" ("status_conversation_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "mpesa_stk_request" add column if not exists "query_failures" integer not null default 0, add column if not exists "next_check_at" timestamptz null;`);
    this.addSql(`alter table if exists "mpesa_stk_request" add constraint "mpesa_stk_request_status_check" check("status" in ('pending', 'paid', 'failed', 'cancelled', 'expired', 'review'));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_status_created_at" ON "mpesa_stk_request" ("status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_callback_log" drop constraint if exists "mpesa_callback_log_kind_check";`);

    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_status_check";`);

    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_status_check";`);

    this.addSql(`alter table if exists "mpesa_callback_log" add constraint "mpesa_callback_log_kind_check" check("kind" in ('stk', 'reversal', 'b2c', 'unknown'));`);

    this.addSql(`drop index if exists "IDX_mpesa_reversal_status_conversation_id";`);
    this.addSql(`alter table if exists "mpesa_reversal" drop column if exists "status_conversation_id", drop column if exists "status_queried_at", drop column if exists "ids_from_result";`);

    this.addSql(`alter table if exists "mpesa_reversal" add constraint "mpesa_reversal_status_check" check("status" in ('pending', 'reversed', 'paid_out', 'failed'));`);

    this.addSql(`drop index if exists "IDX_mpesa_stk_request_status_created_at";`);
    this.addSql(`alter table if exists "mpesa_stk_request" drop column if exists "query_failures", drop column if exists "next_check_at";`);

    this.addSql(`alter table if exists "mpesa_stk_request" add constraint "mpesa_stk_request_status_check" check("status" in ('pending', 'paid', 'failed', 'cancelled', 'expired'));`);
  }

}
