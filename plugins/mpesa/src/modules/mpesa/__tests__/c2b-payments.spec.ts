import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MPESA_MODULE } from ".."
import type MpesaModuleService from "../service"
import type { C2bPaymentInput } from "../c2b-record"

jest.setTimeout(120_000)

const payment = (trans_id: string, patch: Partial<C2bPaymentInput> = {}): C2bPaymentInput => ({
  trans_id,
  kind: "paybill",
  source: "confirmation",
  shortcode: "600984",
  account_ref_raw: "#1042",
  account_ref: "display_id:1042",
  account_ref_kind: "display_id",
  amount_raw: "1,500.00",
  amount_kes: 1500,
  msisdn_masked: "2547***126",
  first_name: "John",
  trans_time: new Date("2026-12-05T06:30:00Z"),
  raw_body: { TransID: trans_id, TransAmount: "1,500.00", MSISDN: "2547***126" },
  ...patch,
})

moduleIntegrationTestRunner<MpesaModuleService>({
  moduleName: MPESA_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const db = () => MikroOrmWrapper.forkManager().getConnection()

    it("the migration makes the table with a unique TransID", async () => {
      const indexes = (await db().execute(
        `select indexname, indexdef from pg_indexes where tablename = 'mpesa_c2b_payment'`
      )) as { indexname: string; indexdef: string }[]
      const unique = indexes.find((i) => i.indexname === "IDX_mpesa_c2b_payment_trans_id_unique")
      expect(unique?.indexdef).toMatch(/CREATE UNIQUE INDEX .* \(trans_id\) WHERE \(deleted_at IS NULL\)/)
      expect(indexes.map((i) => i.indexname)).toContain("IDX_mpesa_c2b_payment_state_created_at")
    })

    it("records a payment once, with its fields as given and state received", async () => {
      const first = await service.recordC2bPayment(payment("RKT1000001"))
      expect(first.created).toBe(true)
      expect(first.payment).toMatchObject({
        id: expect.stringMatching(/^mc2b_/),
        trans_id: "RKT1000001",
        kind: "paybill",
        state: "received",
        amount_kes: 1500,
        account_ref: "display_id:1042",
        msisdn_masked: "2547***126",
        raw_body: { TransID: "RKT1000001", TransAmount: "1,500.00", MSISDN: "2547***126" },
        check_failures: 0,
      })
      expect(new Date(first.payment.trans_time as unknown as string).toISOString()).toBe("2026-12-05T06:30:00.000Z")

      // A replay with other content changes nothing: the first record stands.
      const again = await service.recordC2bPayment(payment("RKT1000001", { amount_kes: 9999, source: "pull" }))
      expect(again).toEqual({ payment: first.payment, created: false })
    })

    it("keeps one row when two copies of a confirmation are recorded at once", async () => {
      for (let round = 0; round < 5; round++) {
        const transId = `RKTRACE0${round}`
        const results = await Promise.all([
          service.recordC2bPayment(payment(transId)),
          service.recordC2bPayment(payment(transId)),
          service.recordC2bPayment(payment(transId, { source: "pull" })),
        ])
        expect(results.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(results.map((r) => r.payment.id)).size).toBe(1)
        const [{ count }] = (await db().execute(`select count(*)::int as count from mpesa_c2b_payment where trans_id = ?`, [transId])) as {
          count: number
        }[]
        expect(count).toBe(1)
      }
    })

    it.each<[string, Partial<C2bPaymentInput>, RegExp]>([
      ["a whole phone number", { msisdn_masked: "254708374149" }, /masked/],
      ["a fractional amount", { amount_kes: 1500.5 }, /whole number of KES/],
      ["no TransID", { trans_id: "" }, /TransID/],
    ])("refuses %s and stores nothing", async (_name, patch, message) => {
      const input = payment("RKTBAD0001", patch)
      await expect(service.recordC2bPayment(input)).rejects.toThrow(message)
      expect(await service.listC2bPayments({ trans_id: input.trans_id })).toHaveLength(0)
    })

    it("lists the merchant's queue, what to confirm and what to capture", async () => {
      const now = new Date()
      const rows: [string, Record<string, unknown>][] = [
        ["RKTLIST001", { state: "received" }],
        ["RKTLIST002", { state: "received", next_check_at: new Date(now.getTime() + 60_000) }],
        ["RKTLIST003", { state: "received", next_check_at: new Date(now.getTime() - 60_000) }],
        ["RKTLIST004", { state: "unmatched" }],
        ["RKTLIST005", { state: "review", flag: "ambiguous" }],
        ["RKTLIST006", { state: "captured", order_id: "order_1" }],
        ["RKTLIST007", { state: "partial", order_id: "order_2", captured_at: now }],
        ["RKTLIST008", { state: "over", order_id: "order_3" }],
        ["RKTLIST009", { state: "refunded" }],
        ["RKTLIST010", { state: "rejected" }],
      ]
      for (const [transId, patch] of rows) {
        const { payment: row } = await service.recordC2bPayment(payment(transId))
        await service.updateC2bPayments({ id: row.id, ...patch })
      }
      const ids = (list: { trans_id: string }[]) => list.map((r) => r.trans_id).filter((t) => t.startsWith("RKTLIST"))

      const [queue, count] = await service.listC2bPaymentsForMerchant({ limit: 10 })
      expect(ids(queue)).toEqual(["RKTLIST004", "RKTLIST005"])
      expect(count).toBe(2)
      expect(ids((await service.listC2bPaymentsForMerchant({ limit: 1, offset: 1 }))[0])).toEqual(["RKTLIST005"])

      expect(ids(await service.listC2bPaymentsToConfirm({ now, limit: 10 }))).toEqual(["RKTLIST001", "RKTLIST003"])
      expect(ids(await service.listC2bPaymentsToCapture({ limit: 10 }))).toEqual(["RKTLIST006", "RKTLIST008"])
      // Only rows left alone since a moment: a run still working on one is not raced.
      expect(ids(await service.listC2bPaymentsToCapture({ limit: 10, updated_before: new Date(Date.now() - 60_000) }))).toEqual([])
      expect(ids(await service.listC2bPaymentsToCapture({ limit: 10, updated_before: new Date(Date.now() + 60_000) }))).toEqual(["RKTLIST006", "RKTLIST008"])
    })
  },
})
