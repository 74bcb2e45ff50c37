import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121032032 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_tracking_throttle" drop constraint if exists "order_tracking_throttle_bucket_unique";`);
    this.addSql(`alter table if exists "order_status_change" drop constraint if exists "order_status_change_order_id_idempotency_key_unique";`);
    this.addSql(`alter table if exists "order_status_change" drop constraint if exists "order_status_change_order_id_sequence_unique";`);
    this.addSql(`alter table if exists "order_rule_set" drop constraint if exists "order_rule_set_version_unique";`);
    this.addSql(`create table if not exists "order_rule_set" ("id" text not null, "version" integer not null, "rule_set" jsonb null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_rule_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_rule_set_version_unique" ON "order_rule_set" ("version") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_rule_set_deleted_at" ON "order_rule_set" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_status_change" ("id" text not null, "order_id" text not null, "sequence" integer not null, "from_status" text null, "to_status" text not null, "actor" text check ("actor" in ('system', 'admin', 'customer')) not null, "actor_id" text null, "reason" text null, "source" text not null, "idempotency_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_status_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_change_order_id" ON "order_status_change" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_change_deleted_at" ON "order_status_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_status_change_order_id_sequence_unique" ON "order_status_change" ("order_id", "sequence") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_status_change_order_id_idempotency_key_unique" ON "order_status_change" ("order_id", "idempotency_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_timer_run" ("id" text not null, "timer" text not null, "ran_at" timestamptz not null, "examined" integer not null default 0, "changed_count" integer not null default 0, "failed_count" integer not null default 0, "result" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_timer_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_timer_run_timer" ON "order_timer_run" ("timer") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_timer_run_deleted_at" ON "order_timer_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_tracking_throttle" ("id" text not null, "bucket" text not null, "hits" integer not null default 0, "expires_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_tracking_throttle_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_tracking_throttle_bucket_unique" ON "order_tracking_throttle" ("bucket") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_tracking_throttle_expires_at" ON "order_tracking_throttle" ("expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_tracking_throttle_deleted_at" ON "order_tracking_throttle" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "order_lifecycle" add column if not exists "version" integer not null default 0, add column if not exists "status_changed_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_lifecycle_status" ON "order_lifecycle" ("status") WHERE deleted_at IS NULL;`);

    // Append-only history: updates are refused; deletes only from the compensation
    // of a rolled-back workflow, which sets order_rules.allow_history_revert for its
    // own transaction (service.revertStatusChanges).
    this.addSql(`create or replace function "order_status_change_append_only"() returns trigger as $$
begin
  if tg_op = 'DELETE' and current_setting('order_rules.allow_history_revert', true) = 'on' then
    return old;
  end if;
  raise exception 'order_status_change is append-only: % of % refused', tg_op, old.id
    using errcode = 'integrity_constraint_violation';
end;
$$ language plpgsql;`);
    this.addSql(`drop trigger if exists "order_status_change_append_only" on "order_status_change";`);
    this.addSql(`create trigger "order_status_change_append_only" before update or delete on "order_status_change" for each row execute function "order_status_change_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_rule_set" cascade;`);
    this.addSql(`drop function if exists "order_status_change_append_only"() cascade;`);

    this.addSql(`drop table if exists "order_status_change" cascade;`);

    this.addSql(`drop table if exists "order_timer_run" cascade;`);

    this.addSql(`drop table if exists "order_tracking_throttle" cascade;`);

    this.addSql(`drop index if exists "IDX_order_lifecycle_status";`);
    this.addSql(`alter table if exists "order_lifecycle" drop column if exists "version", drop column if exists "status_changed_at";`);
  }

}
