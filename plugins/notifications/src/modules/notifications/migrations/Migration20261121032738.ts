import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121032738 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "soko_notification_template" drop constraint if exists "soko_notification_template_template_locale_unique";`);
    this.addSql(`alter table if exists "soko_notification_preference" drop constraint if exists "soko_notification_preference_customer_id_unique";`);
    this.addSql(`alter table if exists "soko_notification_message" drop constraint if exists "soko_notification_message_idempotency_key_unique";`);
    this.addSql(`create table if not exists "soko_notification_message" ("id" text not null, "idempotency_key" text not null, "trigger" text not null, "event_name" text not null, "template" text not null, "channel" text not null, "locale" text not null, "audience" text not null, "to" text not null, "order_id" text null, "customer_id" text null, "resource_id" text not null, "status" text check ("status" in ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped')) not null default 'pending', "attempts" integer not null default 0, "max_attempts" integer not null, "next_attempt_at" timestamptz null, "lease_until" timestamptz null, "last_error" text null, "event_at" timestamptz null, "sent_at" timestamptz null, "failed_at" timestamptz null, "notification_id" text null, "external_id" text null, "provider_id" text null, "subject" text null, "body_text" text null, "body_html" text null, "data" jsonb null, "meta" jsonb null, "resent_from_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "soko_notification_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_soko_notification_message_idempotency_key_unique" ON "soko_notification_message" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_message_deleted_at" ON "soko_notification_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_message_order_id" ON "soko_notification_message" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_message_customer_id" ON "soko_notification_message" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_message_status_next_attempt_at" ON "soko_notification_message" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_message_created_at" ON "soko_notification_message" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "soko_notification_preference" ("id" text not null, "customer_id" text not null, "sms_opt_out" boolean not null default false, "email_opt_out" boolean not null default false, "locale" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "soko_notification_preference_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_soko_notification_preference_customer_id_unique" ON "soko_notification_preference" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_preference_deleted_at" ON "soko_notification_preference" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "soko_notification_template" ("id" text not null, "template" text not null, "locale" text not null, "subject" text null, "html" text null, "text" text null, "sms" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "soko_notification_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_soko_notification_template_deleted_at" ON "soko_notification_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_soko_notification_template_template_locale_unique" ON "soko_notification_template" ("template", "locale") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "soko_notification_message" cascade;`);

    this.addSql(`drop table if exists "soko_notification_preference" cascade;`);

    this.addSql(`drop table if exists "soko_notification_template" cascade;`);
  }

}
