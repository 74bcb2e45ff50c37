import type { Context, InferTypeOf } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { C2bPayment } from "./models/c2b-payment"
import { CallbackLog } from "./models/callback-log"
import { PushAttempt } from "./models/push-attempt"
import { Reversal } from "./models/reversal"
import { StkRequest } from "./models/stk-request"
import { C2B_RECORD_COLUMNS, c2bRecordValues, type C2bPaymentInput } from "./c2b-record"

type Manager = { execute: <T = Record<string, unknown>[]>(sql: string, params?: unknown[]) => Promise<T> }

export type C2bRegistrationRow = {
  shortcode: string
  status: "registered" | "failed"
  detail: string | null
  confirmation_url: string | null
  response_type: string | null
  requested_by: string | null
  registered_at: Date | null
  attempted_at?: Date
}

export type C2bPaymentRecord = InferTypeOf<typeof C2bPayment>

export default class MpesaModuleService extends MedusaService({
  StkRequest,
  CallbackLog,
  PushAttempt,
  Reversal,
  C2bPayment,
  // C2bRegistration (mpesa_c2b_registration) is read and written with SQL below: one upsert per
  // attempt, so instances registering at the same start-up converge on one row without a race.
}) {
  /**
   * The ledger row of an M-Pesa transaction, inserted the first time its
   * TransID is seen and returned as it is every later time. Daraja repeats
   * confirmations and two servers may take copies at once: the unique index
   * on trans_id decides (INSERT … ON CONFLICT DO NOTHING, so a lost race
   * neither throws nor aborts a surrounding transaction). `created` tells
   * the caller whether this call made the row (for compensation).
   */
  @InjectManager()
  async recordC2bPayment(
    input: C2bPaymentInput,
    @MedusaContext() context: Context = {}
  ): Promise<{ payment: C2bPaymentRecord; created: boolean }> {
    const manager = (context.transactionManager ?? context.manager) as unknown as Manager
    const values = c2bRecordValues(input)
    const inserted = await manager.execute<{ id: string }[]>(
      `INSERT INTO "mpesa_c2b_payment" ("id", ${C2B_RECORD_COLUMNS.map((c) => `"${c.name}"`).join(", ")}, "state", "created_at", "updated_at")
       VALUES (?, ${C2B_RECORD_COLUMNS.map((c) => (c.json ? "?::jsonb" : "?")).join(", ")}, 'received', now(), now())
       ON CONFLICT ("trans_id") WHERE "deleted_at" IS NULL DO NOTHING
       RETURNING "id"`,
      [generateEntityId(undefined, "mc2b"), ...values]
    )
    const [payment] = await this.listC2bPayments({ trans_id: input.trans_id }, {}, context)
    if (!payment) {
      // Only a soft-deleted row with this TransID could block the insert; the ledger never soft-deletes.
      throw new MedusaError(MedusaError.Types.CONFLICT, `M-Pesa transaction ${input.trans_id} could not be recorded`)
    }
    return { payment, created: inserted.length === 1 }
  }

  /** The last C2B URL registration attempt for a shortcode, or undefined. */
  @InjectManager()
  async retrieveC2bRegistration(shortcode: string, @MedusaContext() context: Context = {}): Promise<C2bRegistrationRow | undefined> {
    const manager = (context.transactionManager ?? context.manager) as unknown as Manager
    const rows = await manager.execute<C2bRegistrationRow[]>(
      `SELECT "shortcode", "status", "detail", "confirmation_url", "response_type", "requested_by", "registered_at", "attempted_at"
         FROM "mpesa_c2b_registration" WHERE "shortcode" = ? AND "deleted_at" IS NULL`,
      [shortcode]
    )
    return rows[0]
  }

  /** Records a registration attempt as the shortcode's status (one row per shortcode; concurrent instances converge). */
  @InjectManager()
  async saveC2bRegistration(row: Omit<C2bRegistrationRow, "registered_at"> & { registered: boolean }, @MedusaContext() context: Context = {}) {
    const manager = (context.transactionManager ?? context.manager) as unknown as Manager
    await manager.execute(
      `INSERT INTO "mpesa_c2b_registration"
         ("id", "shortcode", "status", "detail", "confirmation_url", "response_type", "requested_by", "registered_at", "attempted_at", "created_at", "updated_at")
       VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END, now(), now(), now())
       ON CONFLICT ("shortcode") WHERE "deleted_at" IS NULL DO UPDATE SET
         "status" = EXCLUDED."status", "detail" = EXCLUDED."detail", "confirmation_url" = EXCLUDED."confirmation_url",
         "response_type" = EXCLUDED."response_type", "requested_by" = EXCLUDED."requested_by",
         "registered_at" = COALESCE(EXCLUDED."registered_at", "mpesa_c2b_registration"."registered_at"),
         "attempted_at" = now(), "updated_at" = now()`,
      [
        generateEntityId(undefined, "mc2r"),
        row.shortcode,
        row.status,
        row.detail,
        row.confirmation_url,
        row.response_type,
        row.requested_by,
        row.registered,
      ]
    )
  }

  /** Confirmed money nothing captured (unmatched or in review), oldest first: the merchant's queue. */
  async listC2bPaymentsForMerchant(page: { limit: number; offset?: number }) {
    return this.listAndCountC2bPayments(
      { state: ["unmatched", "review"] },
      { take: page.limit, skip: page.offset ?? 0, order: { created_at: "ASC" } }
    )
  }

  /** Payments still to confirm with Daraja whose next check is due, oldest first. */
  async listC2bPaymentsToConfirm(input: { now: Date; limit: number }) {
    return this.listC2bPayments(
      { state: "received", $or: [{ next_check_at: null }, { next_check_at: { $lte: input.now } }] },
      { take: input.limit, order: { created_at: "ASC" } }
    )
  }

  /**
   * Payments decided for an order whose capture the ledger has not noted yet,
   * oldest first; with `updated_before`, only those left alone since then.
   */
  async listC2bPaymentsToCapture(input: { limit: number; updated_before?: Date }) {
    return this.listC2bPayments(
      {
        state: ["captured", "partial", "over"],
        captured_at: null,
        order_id: { $ne: null },
        ...(input.updated_before ? { updated_at: { $lt: input.updated_before } } : {}),
      },
      { take: input.limit, order: { created_at: "ASC" } }
    )
  }
}
