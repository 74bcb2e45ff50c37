import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205225619 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_c2b_registration" drop constraint if exists "mpesa_c2b_registration_shortcode_unique";`);
    this.addSql(`create table if not exists "mpesa_c2b_registration" ("id" text not null, "shortcode" text not null, "status" text check ("status" in ('registered', 'failed')) not null, "detail" text null, "confirmation_url" text null, "response_type" text null, "requested_by" text null, "registered_at" timestamptz null, "attempted_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "mpesa_c2b_registration_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_mpesa_c2b_registration_shortcode_unique" ON "mpesa_c2b_registration" ("shortcode") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_mpesa_c2b_registration_deleted_at" ON "mpesa_c2b_registration" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mpesa_c2b_registration" cascade;`);
  }

}
