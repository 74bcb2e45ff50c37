import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MPESA_MODULE } from ".."
import type MpesaModuleService from "../service"

jest.setTimeout(180_000)

const ROWS = 100_000
const HOUR = 3_600_000

/**
 * Reconciliation's work lists against a ledger of 100,000 pushes (the
 * migrations' own indexes): each query must read through an index, never
 * the whole table, and return the right rows. The time each takes is
 * printed as a measurement, not asserted.
 */
moduleIntegrationTestRunner<MpesaModuleService>({
  moduleName: MPESA_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("keeps the work-list queries on indexes with 100,000 rows", async () => {
      const now = Date.now()
      const db = MikroOrmWrapper.forkManager().getConnection()
      // 100,000 pushes over 60 days: almost all paid and captured; a few failed, pending, uncaptured.
      await db.execute(`
        insert into mpesa_stk_request (id, checkout_request_id, payment_session_id, phone, amount_kes, status, captured_at, created_at, updated_at)
        select 'mstk_' || g, 'ws_CO_' || g, 'payses_' || g, '2547' || lpad((g % 100000000)::text, 8, '0'), 100 + g % 5000,
          case when g % 1000 = 0 then 'pending' when g % 1000 = 1 then 'paid' when g % 50 = 2 then 'failed' else 'paid' end,
          case when g % 1000 = 1 or g % 50 = 2 or g % 1000 = 0 then null else now() end,
          to_timestamp(${now / 1000} - (g::float / ${ROWS}) * 60 * 86400), now()
        from generate_series(1, ${ROWS}) g`)
      await db.execute("analyze mpesa_stk_request")

      const cutoff = new Date(now - 30_000)
      const oldest = new Date(now - 24 * HOUR)
      const queries: [string, string, unknown[], () => Promise<unknown[]>][] = [
        [
          "pending, due, within the maximum age",
          `select id from mpesa_stk_request where deleted_at is null and status = 'pending' and created_at < ? and created_at >= ?
             and (next_check_at is null or next_check_at <= ?) order by created_at asc limit 50`,
          [cutoff, oldest, new Date(now)],
          () =>
            service.listStkRequests(
              { status: "pending", created_at: { $lt: cutoff, $gte: oldest }, $or: [{ next_check_at: null }, { next_check_at: { $lte: new Date(now) } }] },
              { take: 50, order: { created_at: "ASC" } }
            ),
        ],
        [
          "pending past the maximum age",
          `select id from mpesa_stk_request where deleted_at is null and status = 'pending' and created_at < ? order by created_at asc limit 50`,
          [oldest],
          () => service.listStkRequests({ status: "pending", created_at: { $lt: oldest } }, { take: 50, order: { created_at: "ASC" } }),
        ],
        [
          "paid, not captured",
          `select id from mpesa_stk_request where deleted_at is null and status = 'paid' and captured_at is null order by created_at asc limit 50`,
          [],
          () => service.listStkRequests({ status: "paid", captured_at: null }, { take: 50, order: { created_at: "ASC" } }),
        ],
      ]
      for (const [name, sql, params, viaService] of queries) {
        const plan = (await db.execute(`explain (analyze, buffers) ${sql}`, params)) as { "QUERY PLAN": string }[]
        const text = plan.map((row) => row["QUERY PLAN"]).join("\n")
        const started = process.hrtime.bigint()
        const rows = await viaService()
        const serviceMs = Number(process.hrtime.bigint() - started) / 1e6
        console.log(`${name}: ${rows.length} rows; through the module ${serviceMs.toFixed(1)} ms\n${text}`)
        expect(text).not.toMatch(/Seq Scan on mpesa_stk_request/)
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.length).toBeLessThanOrEqual(50)
      }
    })
  },
})
