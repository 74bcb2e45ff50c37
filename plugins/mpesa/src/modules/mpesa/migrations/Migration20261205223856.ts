import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205223856 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_c2b_payment" drop constraint if exists "mpesa_c2b_payment_trans_id_unique";`);
    this.addSql(`create table if not exists "mpesa_c2b_payment" ("id" text not null, "trans_id" text not null, "kind" text check ("kind" in ('paybill', 'till')) not null, "source" text check ("source" in ('confirmation', 'pull', 'validation')) not null default 'confirmation', "shortcode" text not null, "account_ref_raw" text null, "account_ref" text null, "account_ref_kind" text check ("account_ref_kind" in ('display_id', 'short_code')) null, "amount_raw" text null, "amount_kes" integer null, "msisdn_masked" text null, "first_name" text null, "trans_time" timestamptz null, "state" text check ("state" in ('received', 'declined', 'confirmed', 'captured', 'partial', 'over', 'unmatched', 'review', 'refunded', 'rejected')) not null default 'received', "flag" text null, "match_decision" text check ("match_decision" in ('exact', 'short', 'over', 'already_paid', 'ambiguous', 'unknown')) null, "match_detail" jsonb null, "order_id" text null, "payment_collection_id" text null, "raw_body" jsonb null, "confirmed_at" timestamptz null, "matched_at" timestamptz null, "captured_at" timestamptz null, "status_conversation_id" text null, "last_checked_at" timestamptz null, "check_failures" integer not null default 0, "next_check_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_c2b_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_trans_id_unique" ON "mpesa_c2b_payment" ("trans_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_account_ref" ON "mpesa_c2b_payment" ("account_ref") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_order_id" ON "mpesa_c2b_payment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_status_conversation_id" ON "mpesa_c2b_payment" ("status_conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_deleted_at" ON "mpesa_c2b_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_payment_state_created_at" ON "mpesa_c2b_payment" ("state", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mpesa_c2b_payment" cascade;`);
  }

}
