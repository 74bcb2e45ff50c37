import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205120132 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_status_check";`);

    this.addSql(`alter table if exists "mpesa_stk_request" add constraint "mpesa_stk_request_status_check" check("status" in ('pending', 'paid', 'failed', 'cancelled', 'expired', 'review', 'refunded'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "mpesa_stk_request" drop constraint if exists "mpesa_stk_request_status_check";`);

    this.addSql(`alter table if exists "mpesa_stk_request" add constraint "mpesa_stk_request_status_check" check("status" in ('pending', 'paid', 'failed', 'cancelled', 'expired', 'review'));`);
  }

}
