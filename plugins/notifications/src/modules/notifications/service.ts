import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context } from "@medusajs/framework/types"
import type { Locale, TemplateId, TemplatePart } from "../../templates/catalog"
import type { TemplateOverrides } from "../../templates/overrides"
import { NotificationMessage, NotificationPreference, NotificationTemplate } from "./models"
import { resolveOptions, ResolvedOptions } from "./options"
import type { ClaimedMessage, MessageDraft } from "./types"

type Manager = { execute: <T = Record<string, unknown>[]>(sql: string, params?: unknown[]) => Promise<T> }

const TABLE = "soko_notification_message"

const COLUMNS = [
  "id",
  "idempotency_key",
  "trigger",
  "event_name",
  "template",
  "channel",
  "locale",
  "audience",
  "to",
  "order_id",
  "customer_id",
  "resource_id",
  "status",
  "max_attempts",
  "last_error",
  "failed_at",
  "event_at",
  "subject",
  "body_text",
  "body_html",
  "data",
  "meta",
  "resent_from_id",
] as const

const JSON_COLUMNS = new Set(["data", "meta"])

const PATCHABLE = new Set([
  "status",
  "next_attempt_at",
  "lease_until",
  "last_error",
  "sent_at",
  "failed_at",
  "notification_id",
  "external_id",
  "provider_id",
])

/** What an attempt may change when it ends. */
export type AttemptPatch = Partial<{
  status: "sent" | "retrying" | "failed"
  next_attempt_at: Date | null
  lease_until: Date | null
  last_error: string | null
  sent_at: Date | null
  failed_at: Date | null
  notification_id: string | null
  external_id: string | null
  provider_id: string | null
}>

/**
 * The notification log, customer preferences and admin template overrides,
 * plus the few statements that must be atomic in PostgreSQL: claiming a
 * message for one attempt, and inserting messages whose key is new.
 */
export default class NotificationsModuleService extends MedusaService({
  NotificationMessage,
  NotificationPreference,
  NotificationTemplate,
}) {
  protected readonly options_: ResolvedOptions

  constructor(_container: Record<string, unknown>, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // Throws at start-up, naming each bad option (broken template overrides included).
    this.options_ = resolveOptions(options)
  }

  getOptions(): ResolvedOptions {
    return this.options_
  }

  /**
   * Inserts the drafts whose idempotency key is not taken yet and returns the
   * ids of those inserted. A key that exists (a replayed event, a second
   * worker that got there first) is silently left alone: only the inserter
   * ever sends that message.
   */
  @InjectManager()
  async insertNewMessages(
    drafts: MessageDraft[],
    @MedusaContext() context: Context = {}
  ): Promise<{ id: string; idempotency_key: string; status: string }[]> {
    const manager = context.manager as unknown as Manager
    const inserted: { id: string; idempotency_key: string; status: string }[] = []
    for (const draft of drafts) {
      const row: Record<string, unknown> = { ...draft, id: generateEntityId(undefined, "snmsg") }
      const values = COLUMNS.map((c) => (JSON_COLUMNS.has(c) && row[c] != null ? JSON.stringify(row[c]) : row[c] ?? null))
      const placeholders = COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? "?::jsonb" : "?")).join(", ")
      const result = await manager.execute<{ id: string }[]>(
        `INSERT INTO ${TABLE} (${COLUMNS.map((c) => `"${c}"`).join(", ")}, "attempts", "created_at", "updated_at")
         VALUES (${placeholders}, 0, now(), now())
         ON CONFLICT ("idempotency_key") WHERE "deleted_at" IS NULL DO NOTHING
         RETURNING "id"`,
        values
      )
      if (result[0]?.id) {
        inserted.push({ id: result[0].id, idempotency_key: draft.idempotency_key, status: draft.status })
      }
    }
    return inserted
  }

  /**
   * Takes a message for one delivery attempt, atomically: pending messages,
   * and retrying ones whose time has come. Returns null when another worker
   * holds it, it was sent, or it is not due yet.
   */
  @InjectManager()
  async claimMessage(
    id: string,
    input: { now: Date; leaseMs: number },
    @MedusaContext() context: Context = {}
  ): Promise<ClaimedMessage | null> {
    const manager = context.manager as unknown as Manager
    const rows = await manager.execute<ClaimedMessage[]>(
      `UPDATE ${TABLE}
         SET "status" = 'sending', "attempts" = "attempts" + 1, "lease_until" = ?, "updated_at" = now()
       WHERE "id" = ? AND "deleted_at" IS NULL
         AND ("status" = 'pending' OR ("status" = 'retrying' AND "next_attempt_at" <= ?))
       RETURNING "id", "idempotency_key", "trigger", "template", "channel", "to", "order_id", "customer_id",
                 "resource_id", "attempts", "max_attempts", "subject", "body_text", "body_html", "data",
                 "event_name", "resent_from_id"`,
      [new Date(input.now.getTime() + input.leaseMs), id, input.now]
    )
    return rows[0] ?? null
  }

  /**
   * Messages a sweep should look at: retries whose timer was lost, pending
   * messages nobody picked up, and attempts whose process stopped mid-send.
   */
  @InjectManager()
  async listStuckMessages(
    input: { now: Date; pendingBefore: Date; retryBefore: Date; limit: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ id: string; status: string; attempts: number }[]> {
    const manager = context.manager as unknown as Manager
    return manager.execute(
      `SELECT "id", "status", "attempts" FROM ${TABLE}
        WHERE "deleted_at" IS NULL AND (
              ("status" = 'retrying' AND "next_attempt_at" <= ?)
           OR ("status" = 'pending' AND "created_at" <= ?)
           OR ("status" = 'sending' AND "lease_until" <= ?))
        ORDER BY "created_at" LIMIT ?`,
      [input.retryBefore, input.pendingBefore, input.now, input.limit]
    )
  }

  /**
   * Ends the attempt a claim started, unless something else (a sweep that
   * judged the attempt lost) already did. Returns whether this call won.
   */
  @InjectManager()
  async finishAttempt(
    id: string,
    attempt: number,
    patch: AttemptPatch,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const manager = context.manager as unknown as Manager
    const entries = Object.entries(patch).filter(([key]) => PATCHABLE.has(key))
    const rows = await manager.execute<{ id: string }[]>(
      `UPDATE ${TABLE} SET ${entries.map(([key]) => `"${key}" = ?`).join(", ")}, "updated_at" = now()
        WHERE "id" = ? AND "status" = 'sending' AND "attempts" = ? AND "deleted_at" IS NULL
        RETURNING "id"`,
      [...entries.map(([, value]) => value ?? null), id, attempt]
    )
    return rows.length === 1
  }

  /** Admin overrides from the database, in the shape the renderer layers. */
  async templateOverrides(): Promise<TemplateOverrides> {
    const rows = await this.listNotificationTemplates({}, { take: 1000 })
    const overrides: TemplateOverrides = {}
    for (const row of rows) {
      const parts: Partial<Record<TemplatePart, string>> = {}
      for (const part of ["subject", "html", "text", "sms"] as const) {
        if (typeof row[part] === "string") {
          parts[part] = row[part] as string
        }
      }
      const byLocale = (overrides[row.template as TemplateId] ??= {})
      byLocale[row.locale as Locale] = parts
    }
    return overrides
  }
}
