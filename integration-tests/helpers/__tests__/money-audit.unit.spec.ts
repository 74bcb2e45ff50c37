import { auditAgrees, auditNets, computeMoneyAudit, type AuditRows, type SimLedger } from "../money-audit"

const ledger = (partial: Partial<SimLedger>): SimLedger => ({ payments: [], reversals: [], payouts: [], ...partial })
const rows = (partial: Partial<AuditRows>): AuditRows => ({ requests: [], refunds: [], medusa: { captures: [], refunds: [] }, ...partial })
const paid = (id: string, amount: number, receipt = `R${id}`) => ({ receipt, amount, checkoutRequestId: id })

describe("computeMoneyAudit", () => {
  const cases: { name: string; ledger: SimLedger; rows: AuditRows; nets: ReturnType<typeof auditNets>; agrees: boolean; review?: [number, number] }[] = [
    { name: "nothing happened", ledger: ledger({}), rows: rows({}), nets: { safaricom: 0, medusa: 0, soko: 0 }, agrees: true },
    {
      name: "C2B: paid exactly by paybill and captured",
      ledger: ledger({ payments: [{ receipt: "TX1", amount: 500 }] }),
      rows: rows({ c2b: [{ trans_id: "TX1", state: "captured", amount_kes: 500 }], medusa: { captures: [500], refunds: [] } }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
    {
      name: "C2B: two short payments add up to the order",
      ledger: ledger({ payments: [{ receipt: "TX1", amount: 200 }, { receipt: "TX2", amount: 300 }] }),
      rows: rows({
        c2b: [
          { trans_id: "TX1", state: "partial", amount_kes: 200 },
          { trans_id: "TX2", state: "captured", amount_kes: 300 },
        ],
        medusa: { captures: [200, 300], refunds: [] },
      }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
    {
      name: "C2B: an overpayment's excess is held for review",
      ledger: ledger({ payments: [{ receipt: "TX1", amount: 600 }] }),
      rows: rows({ c2b: [{ trans_id: "TX1", state: "over", amount_kes: 600, match_detail: { excess_kes: 100 } }], medusa: { captures: [500], refunds: [] } }),
      nets: { safaricom: 600, medusa: 600, soko: 600 },
      agrees: true,
      review: [100, 0],
    },
    {
      name: "C2B: an overpayment captured in full would not add up",
      ledger: ledger({ payments: [{ receipt: "TX1", amount: 600 }] }),
      rows: rows({ c2b: [{ trans_id: "TX1", state: "over", amount_kes: 600, match_detail: { excess_kes: 100 } }], medusa: { captures: [600], refunds: [] } }),
      nets: { safaricom: 600, medusa: 700, soko: 600 },
      agrees: false,
      review: [100, 0],
    },
    {
      name: "C2B: a second payment after STK paid is in review, not captured",
      ledger: ledger({ payments: [paid("ws_1", 500), { receipt: "TX1", amount: 500 }] }),
      rows: rows({
        requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }],
        c2b: [{ trans_id: "TX1", state: "review", flag: "already_paid", amount_kes: 500 }],
        medusa: { captures: [500], refunds: [] },
      }),
      nets: { safaricom: 1000, medusa: 1000, soko: 1000 },
      agrees: true,
      review: [500, 0],
    },
    {
      name: "C2B: a payment Safaricom disputes is outside the sums",
      ledger: ledger({ payments: [] }),
      rows: rows({ c2b: [{ trans_id: "TX1", state: "review", flag: "confirmation_mismatch", amount_kes: 500 }] }),
      nets: { safaricom: 0, medusa: 0, soko: 0 },
      agrees: true,
      review: [0, 500],
    },
    {
      name: "paid and captured",
      ledger: ledger({ payments: [paid("ws_1", 500)] }),
      rows: rows({ requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }], medusa: { captures: [500], refunds: [] } }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
    {
      name: "paid but Medusa never captured it",
      ledger: ledger({ payments: [paid("ws_1", 500)] }),
      rows: rows({ requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }] }),
      nets: { safaricom: 500, medusa: 0, soko: 500 },
      agrees: false,
    },
    {
      name: "another order's payment is not this order's money",
      ledger: ledger({ payments: [paid("ws_other", 900), paid("ws_1", 500)] }),
      rows: rows({ requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }], medusa: { captures: [500], refunds: [] } }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
    {
      name: "reversed in full and recorded",
      ledger: ledger({ payments: [paid("ws_1", 500, "RA")], reversals: [{ receipt: "RB", originalReceipt: "RA", amount: 500 }] }),
      rows: rows({
        requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }],
        refunds: [{ id: "mrev_1", status: "reversed", amount_kes: 500 }],
        medusa: { captures: [500], refunds: [500] },
      }),
      nets: { safaricom: 0, medusa: 0, soko: 0 },
      agrees: true,
    },
    {
      name: "reversed at Safaricom, refund not recorded yet (a worker died in between)",
      ledger: ledger({ payments: [paid("ws_1", 500, "RA")], reversals: [{ receipt: "RB", originalReceipt: "RA", amount: 500 }] }),
      rows: rows({
        requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }],
        refunds: [{ id: "mrev_1", status: "unknown", amount_kes: 500 }],
        medusa: { captures: [500], refunds: [] },
      }),
      nets: { safaricom: 0, medusa: 500, soko: 500 },
      agrees: false,
    },
    {
      name: "a B2C partial payout counts by its OriginatorConversationID (the refund id)",
      ledger: ledger({ payments: [paid("ws_1", 500)], payouts: [{ receipt: "P1", amount: 100, originatorConversationId: "mrev_2" }, { receipt: "P2", amount: 7, originatorConversationId: "mrev_other" }] }),
      rows: rows({
        requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }],
        refunds: [{ id: "mrev_2", status: "paid_out", amount_kes: 100 }],
        medusa: { captures: [500], refunds: [100] },
      }),
      nets: { safaricom: 400, medusa: 400, soko: 400 },
      agrees: true,
    },
    {
      name: "a second payment held in review",
      ledger: ledger({ payments: [paid("ws_1", 500), paid("ws_2", 500)] }),
      rows: rows({
        requests: [
          { checkout_request_id: "ws_1", status: "paid", amount_kes: 500 },
          { checkout_request_id: "ws_2", status: "review", amount_kes: 500, flag: "second_payment" },
        ],
        medusa: { captures: [500], refunds: [] },
      }),
      nets: { safaricom: 1000, medusa: 1000, soko: 1000 },
      agrees: true,
      review: [500, 0],
    },
    {
      name: "a paid callback STK Query disputes is outside the sums",
      ledger: ledger({}),
      rows: rows({ requests: [{ checkout_request_id: "ws_1", status: "review", amount_kes: 500, flag: "query_disagrees" }] }),
      nets: { safaricom: 0, medusa: 0, soko: 0 },
      agrees: true,
      review: [0, 500],
    },
    {
      name: "a second payment sent back from review, reversal not yet confirmed: still held",
      ledger: ledger({ payments: [paid("ws_1", 500), paid("ws_2", 500, "R2")], reversals: [{ receipt: "X2", originalReceipt: "R2", amount: 500 }] }),
      rows: rows({
        requests: [
          { id: "mstk_1", checkout_request_id: "ws_1", status: "paid", amount_kes: 500 },
          { id: "mstk_2", checkout_request_id: "ws_2", status: "refunded", amount_kes: 500, flag: "second_payment" },
        ],
        refunds: [{ id: "mrev_2", status: "confirming", amount_kes: 500, stk_request_id: "mstk_2" }],
        medusa: { captures: [500], refunds: [] },
      }),
      nets: { safaricom: 500, medusa: 1000, soko: 1000 },
      agrees: false,
      review: [500, 0],
    },
    {
      name: "a second payment sent back from review and confirmed: the order's money is untouched",
      ledger: ledger({ payments: [paid("ws_1", 500), paid("ws_2", 500, "R2")], reversals: [{ receipt: "X2", originalReceipt: "R2", amount: 500 }] }),
      rows: rows({
        requests: [
          { id: "mstk_1", checkout_request_id: "ws_1", status: "paid", amount_kes: 500 },
          { id: "mstk_2", checkout_request_id: "ws_2", status: "refunded", amount_kes: 500, flag: "second_payment" },
        ],
        refunds: [{ id: "mrev_2", status: "reversed", amount_kes: 500, stk_request_id: "mstk_2" }],
        medusa: { captures: [500], refunds: [] },
      }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
    {
      name: "Medusa amounts as strings (big numbers) still add up",
      ledger: ledger({ payments: [paid("ws_1", 500)] }),
      rows: rows({ requests: [{ checkout_request_id: "ws_1", status: "paid", amount_kes: 500 }], medusa: { captures: ["500" as unknown as number], refunds: [] } }),
      nets: { safaricom: 500, medusa: 500, soko: 500 },
      agrees: true,
    },
  ]

  it.each(cases)("$name", ({ ledger, rows, nets, agrees, review }) => {
    const audit = computeMoneyAudit(ledger, rows)
    expect(auditNets(audit)).toEqual(nets)
    expect(auditAgrees(audit)).toBe(agrees)
    expect([audit.inReview, audit.unconfirmedInReview]).toEqual(review ?? [0, 0])
  })
})
