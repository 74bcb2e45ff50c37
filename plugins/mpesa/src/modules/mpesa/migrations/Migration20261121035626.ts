import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121035626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_reversal" drop constraint if exists "mpesa_reversal_conversation_id_unique";`);
    this.addSql(`create table if not exists "mpesa_reversal" ("id" text not null, "stk_request_id" text not null, "order_id" text null, "payment_id" text null, "receipt_number" text not null, "amount_kes" integer not null, "status" text check ("status" in ('pending', 'reversed', 'failed')) not null default 'pending', "conversation_id" text null, "originator_conversation_id" text null, "result_code" text null, "result_desc" text null, "raw_result" jsonb null, "requested_by" text null, "settled_at" timestamptz null, "refund_recorded_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_reversal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_stk_request_id" ON "mpesa_reversal" ("stk_request_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_order_id" ON "mpesa_reversal" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_receipt_number" ON "mpesa_reversal" ("receipt_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_reversal_conversation_id_unique" ON "mpesa_reversal" ("conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_originator_conversation_id" ON "mpesa_reversal" ("originator_conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_reversal_deleted_at" ON "mpesa_reversal" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mpesa_reversal" cascade;`);
  }

}
