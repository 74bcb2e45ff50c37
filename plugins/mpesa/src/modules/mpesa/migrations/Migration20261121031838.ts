import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121031838 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_receipt_number_unique";`);
    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_checkout_request_id_unique";`);
    this.addSql(`create table if not exists "mpesa_callback_log" ("id" text not null, "kind" text check ("kind" in ('stk', 'reversal', 'unknown')) not null default 'stk', "checkout_request_id" text null, "matched" boolean not null default false, "outcome" text not null, "detail" text null, "body" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_callback_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_callback_log_checkout_request_id" ON "mpesa_callback_log" ("checkout_request_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_callback_log_deleted_at" ON "mpesa_callback_log" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mpesa_push_attempt" ("id" text not null, "phone" text not null, "payment_collection_id" text not null, "client_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_push_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_push_attempt_phone" ON "mpesa_push_attempt" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_push_attempt_payment_collection_id" ON "mpesa_push_attempt" ("payment_collection_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_push_attempt_deleted_at" ON "mpesa_push_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "mpesa_stk_request" ("id" text not null, "checkout_request_id" text not null, "merchant_request_id" text null, "payment_session_id" text not null, "payment_collection_id" text null, "cart_id" text null, "order_id" text null, "phone" text not null, "amount_kes" integer not null, "status" text check ("status" in ('pending', 'paid', 'failed', 'cancelled', 'expired')) not null default 'pending', "result_code" text null, "result_desc" text null, "shopper_message" text null, "receipt_number" text null, "flag" text null, "raw_callback" jsonb null, "callback_received_at" timestamptz null, "settled_at" timestamptz null, "captured_at" timestamptz null, "last_queried_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_stk_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_checkout_request_id_unique" ON "mpesa_stk_request" ("checkout_request_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_payment_session_id" ON "mpesa_stk_request" ("payment_session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_order_id" ON "mpesa_stk_request" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_phone" ON "mpesa_stk_request" ("phone") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_receipt_number_unique" ON "mpesa_stk_request" ("receipt_number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_stk_request_deleted_at" ON "mpesa_stk_request" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mpesa_callback_log" cascade;`);

    this.addSql(`drop table if exists "mpesa_push_attempt" cascade;`);

    this.addSql(`drop table if exists "mpesa_stk_request" cascade;`);
  }

}
