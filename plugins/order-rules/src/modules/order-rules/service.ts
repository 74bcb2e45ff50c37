import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { RuleSet } from "../../rules"
import {
  OrderLifecycle,
  OrderRuleSet,
  OrderStatusChange,
  OrderTimerRun,
  OrderTrackingThrottle,
} from "./models"
import { parseOrderRulesOptions, type OrderRulesOptions } from "./options"
import type {
  ActiveRuleSet,
  LifecycleSnapshot,
  RateLimitResult,
  RecordedStatusChange,
  RecordStatusChangesInput,
  RecordStatusChangesResult,
} from "./types"

/** Lets the compensation of a rolled-back workflow remove the rows it wrote. */
const REVERT_SETTING = "order_rules.allow_history_revert"

const OrderRulesServiceBase = MedusaService({
  OrderLifecycle,
  OrderStatusChange,
  OrderRuleSet,
  OrderTimerRun,
  OrderTrackingThrottle,
})
type Base = InstanceType<typeof OrderRulesServiceBase>

export default class OrderRulesModuleService extends OrderRulesServiceBase {
  protected readonly options_: OrderRulesOptions

  constructor(_container: Record<string, unknown>, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // Invalid options (including a rule set with dead ends) stop the app at boot.
    this.options_ = parseOrderRulesOptions(options)
  }

  getOptions(): OrderRulesOptions {
    return this.options_
  }

  /** The rule set in force: the last one saved in admin, else defaults + options. */
  @InjectManager()
  async getActiveRuleSet(@MedusaContext() sharedContext: Context = {}): Promise<ActiveRuleSet> {
    const [latest] = await this.listOrderRuleSets(
      {},
      { order: { version: "DESC" }, take: 1 },
      sharedContext
    )
    if (!latest || latest.rule_set === null) {
      return { rule_set: this.options_.ruleSet, version: latest?.version ?? 0, source: "plugin" }
    }
    return {
      rule_set: latest.rule_set as unknown as RuleSet,
      version: latest.version,
      source: "admin",
    }
  }

  /**
   * Moves an order's lifecycle and appends its history in one transaction. The
   * lifecycle only moves if it is still at `expected_version`, so a change
   * planned on stale data fails instead of overwriting a newer one.
   */
  @InjectTransactionManager()
  async recordStatusChanges(
    input: RecordStatusChangesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordStatusChangesResult> {
    const { order_id, expected_version, changes } = input
    if (changes.length === 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No status change to record")
    }
    const manager = sharedContext.transactionManager as SqlEntityManager
    const changedAt = input.changed_at ?? new Date()
    const last = changes[changes.length - 1]
    const [current] = await manager.execute(
      `SELECT status, version, status_changed_at FROM order_lifecycle
       WHERE order_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [order_id]
    )
    const currentVersion = current ? Number(current.version) : 0
    if (currentVersion !== expected_version) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The status of order ${order_id} changed while this change was being made (now "${current?.status}"). Reload and try again.`
      )
    }
    const version = expected_version + changes.length
    if (current) {
      await manager.execute(
        `UPDATE order_lifecycle SET status = ?, version = ?, status_changed_at = ?, updated_at = now()
         WHERE order_id = ? AND deleted_at IS NULL`,
        [last.to_status, version, changedAt, order_id]
      )
    } else {
      await this.createOrderLifecycles(
        { order_id, status: last.to_status, version, status_changed_at: changedAt },
        sharedContext
      )
    }
    const created = await this.createOrderStatusChanges(
      changes.map((change, index) => ({
        order_id,
        sequence: expected_version + index + 1,
        from_status: change.from_status,
        to_status: change.to_status,
        actor: change.actor,
        actor_id: change.actor_id ?? null,
        reason: change.reason ?? null,
        source: change.source,
        idempotency_key: change.idempotency_key ?? null,
      })),
      sharedContext
    )
    // created_at comes from the database default, so read the rows back.
    const recorded = await this.listOrderStatusChanges(
      { id: created.map((c) => c.id) },
      { order: { sequence: "ASC" } },
      sharedContext
    )
    const previous: LifecycleSnapshot | null = current
      ? {
          status: current.status,
          version: currentVersion,
          status_changed_at: current.status_changed_at ?? null,
        }
      : null
    return {
      lifecycle: { order_id, status: last.to_status, version, status_changed_at: changedAt },
      changes: recorded as unknown as RecordedStatusChange[],
      previous,
    }
  }

  /**
   * Undoes `recordStatusChanges` when the workflow that called it rolls back:
   * those changes never happened (their event was never emitted).
   */
  @InjectTransactionManager()
  async revertStatusChanges(
    input: { order_id: string; change_ids: string[]; previous: LifecycleSnapshot | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(`SELECT set_config('${REVERT_SETTING}', 'on', true)`)
    if (input.change_ids.length > 0) {
      await manager.execute(
        `DELETE FROM order_status_change WHERE order_id = ? AND id IN (${input.change_ids.map(() => "?").join(", ")})`,
        [input.order_id, ...input.change_ids]
      )
    }
    if (input.previous === null) {
      await manager.execute(`DELETE FROM order_lifecycle WHERE order_id = ?`, [input.order_id])
    } else {
      await manager.execute(
        `UPDATE order_lifecycle SET status = ?, version = ?, status_changed_at = ?, updated_at = now()
         WHERE order_id = ?`,
        [input.previous.status, input.previous.version, input.previous.status_changed_at, input.order_id]
      )
    }
    await manager.execute(`SELECT set_config('${REVERT_SETTING}', 'off', true)`)
  }

  /**
   * Counts one attempt against each key in a fixed window, atomically in
   * Postgres so every server instance shares the count.
   */
  @InjectTransactionManager()
  async consumeRateLimit(
    input: { keys: string[]; limit: number; window_seconds: number; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RateLimitResult> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const nowMs = (input.now ?? new Date()).getTime()
    const windowMs = input.window_seconds * 1000
    const windowStart = Math.floor(nowMs / windowMs) * windowMs
    const expiresAt = new Date(windowStart + windowMs)
    let allowed = true
    for (const key of input.keys) {
      const [row] = await manager.execute(
        `INSERT INTO order_tracking_throttle (id, bucket, hits, expires_at)
         VALUES (?, ?, 1, ?)
         ON CONFLICT (bucket) WHERE deleted_at IS NULL
         DO UPDATE SET hits = order_tracking_throttle.hits + 1, updated_at = now()
         RETURNING hits`,
        [generateEntityId(undefined, "ott"), `${key}:${windowStart}`, expiresAt]
      )
      if (Number(row.hits) > input.limit) {
        allowed = false
      }
    }
    if (allowed) {
      return { allowed: true }
    }
    return {
      allowed: false,
      retry_after_seconds: Math.max(1, Math.ceil((expiresAt.getTime() - nowMs) / 1000)),
    }
  }

  /** How many orders sit in each status now (a rule set may not drop a state in use). */
  @InjectManager()
  async countOrdersByStatus(@MedusaContext() sharedContext: Context = {}): Promise<Record<string, number>> {
    const manager = sharedContext.manager as SqlEntityManager
    const rows: { status: string; count: string | number }[] = await manager.execute(
      `SELECT status, count(*) AS count FROM order_lifecycle WHERE deleted_at IS NULL GROUP BY status`
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
  }

  /** Deletes expired rate-limit windows and timer runs that changed nothing, older than a day. */
  @InjectTransactionManager()
  async purgeExpiredRecords(
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ throttles: number; timer_runs: number }> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const throttles = await manager.execute(
      `DELETE FROM order_tracking_throttle WHERE expires_at < ? RETURNING id`,
      [now]
    )
    const runs = await manager.execute(
      `DELETE FROM order_timer_run WHERE changed_count = 0 AND failed_count = 0 AND ran_at < ? RETURNING id`,
      [new Date(now.getTime() - 24 * 3600 * 1000)]
    )
    return { throttles: throttles.length, timer_runs: runs.length }
  }

  // History is append-only: the generated mutators are closed.
  updateOrderStatusChanges = refuse("updated") as Base["updateOrderStatusChanges"]
  deleteOrderStatusChanges = refuse("deleted") as Base["deleteOrderStatusChanges"]
  softDeleteOrderStatusChanges = refuse("deleted") as Base["softDeleteOrderStatusChanges"]
  restoreOrderStatusChanges = refuse("restored") as Base["restoreOrderStatusChanges"]
}

function refuse(verb: string) {
  return async (): Promise<never> => {
    throw appendOnly(verb)
  }
}

function appendOnly(verb: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `Order status history is append-only: entries cannot be ${verb}.`
  )
}
