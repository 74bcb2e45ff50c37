import { z } from "@medusajs/framework/zod"
import { C2B_PAYMENT_KINDS, C2B_PAYMENT_STATES } from "../../../modules/mpesa/models/c2b-payment"
import { REVERSAL_STATUSES } from "../../../modules/mpesa/models/reversal"
import { STK_REQUEST_STATUSES } from "../../../modules/mpesa/models/stk-request"

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}

export const AdminMpesaTransactionsQuery = z
  .object({
    status: z.enum(STK_REQUEST_STATUSES).optional(),
    phone: z.string().trim().regex(/^\+?\d{6,15}$/, { error: "phone must be digits, e.g. 254712345678" }).optional(),
    receipt: z.string().trim().regex(/^[A-Za-z0-9]{6,20}$/, { error: "receipt must be letters and digits" }).optional(),
    flagged: z.enum(["true", "false"]).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    ...page,
  })
  .strict()
export type AdminMpesaTransactionsQueryType = z.infer<typeof AdminMpesaTransactionsQuery>

export const AdminMpesaCallbacksQuery = z
  .object({
    outcome: z
      .enum([
        "received",
        "pay",
        "fail",
        "flag",
        "capture",
        "receipt",
        "ignored",
        "unmatched",
        "rejected",
        // Refund results and Transaction Status answers record the refund state they led to.
        ...REVERSAL_STATUSES,
      ])
      .optional(),
    matched: z.enum(["true", "false"]).optional(),
    ...page,
  })
  .strict()
export type AdminMpesaCallbacksQueryType = z.infer<typeof AdminMpesaCallbacksQuery>

export const AdminMpesaResendBody = z
  .object({ phone: z.string().trim().min(1).max(32).optional() })
  .strict()
export type AdminMpesaResendBodyType = z.infer<typeof AdminMpesaResendBody>

export const AdminMpesaRefundBody = z
  .object({ amount_kes: z.number().int().positive().optional() })
  .strict()
export type AdminMpesaRefundBodyType = z.infer<typeof AdminMpesaRefundBody>

/**
 * How a merchant resolves a refund Daraja never answered: the receipt found on
 * the M-Pesa statement (then confirmed by Transaction Status), or that the
 * statement shows no such refund.
 */
export const AdminMpesaResolveRefundBody = z
  .object({
    receipt: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{10}$/, { error: "receipt must be the 10-character M-Pesa receipt number, e.g. UAB1CD2EF3" })
      .transform((r) => r.toUpperCase())
      .optional(),
    found_nothing: z.literal(true, { error: "found_nothing must be true (the M-Pesa statement shows no such refund)" }).optional(),
  })
  .strict()
  .refine((b) => (b.receipt === undefined) !== (b.found_nothing === undefined), {
    error: "send either receipt (the refund's M-Pesa receipt) or found_nothing: true, not both and not neither",
  })
export type AdminMpesaResolveRefundBodyType = z.infer<typeof AdminMpesaResolveRefundBody>

/** The longest statement one request may ask for (days): a quarter, with room for a 31-day month. */
export const STATEMENT_MAX_DAYS = 92

/** Nairobi calendar days (YYYY-MM-DD); both optional: the last 30 days up to today by default. */
export const AdminMpesaStatementQuery = z
  .object({
    from: z.iso.date({ error: "from must be a date, YYYY-MM-DD (a Nairobi day)" }).optional(),
    to: z.iso.date({ error: "to must be a date, YYYY-MM-DD (a Nairobi day)" }).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.from && q.to) {
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1
      if (days < 1) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "to must not be before from" })
      } else if (days > STATEMENT_MAX_DAYS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: `a statement covers at most ${STATEMENT_MAX_DAYS} days` })
      }
    }
  })
export type AdminMpesaStatementQueryType = z.infer<typeof AdminMpesaStatementQuery>

export const AdminMpesaReviewQuery = z.object({ ...page }).strict()
export type AdminMpesaReviewQueryType = z.infer<typeof AdminMpesaReviewQuery>

export const AdminMpesaReviewAttachBody = z
  .object({ order_id: z.string().trim().regex(/^order_[A-Za-z0-9]{10,40}$/, { error: "order_id must be an order id (order_…)" }) })
  .strict()
export type AdminMpesaReviewAttachBodyType = z.infer<typeof AdminMpesaReviewAttachBody>

/** A payment in review goes back whole (a reversal of its receipt): nothing to choose. */
export const AdminMpesaReviewRefundBody = z.object({}).strict()

/** Splits `state=a,b` and repeated `state=a&state=b` (an array from the query parser) into one list of names. */
const splitStates = (value: unknown) => {
  if (value === undefined) {
    return undefined
  }
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === "string" ? v.split(",") : [v]))
  return parts.map((p) => (typeof p === "string" ? p.trim() : p)).filter((p) => p !== "")
}

export const AdminMpesaC2bPaymentsQuery = z
  .object({
    /**
     * Without a state: the merchant's queue (unmatched and in review). One
     * state or several (a comma list, or repeated), e.g. every state that can
     * carry an order for the order's page.
     */
    state: z
      .preprocess(
        splitStates,
        z.array(z.enum(C2B_PAYMENT_STATES, { error: `state must be one of ${C2B_PAYMENT_STATES.join(", ")}` })).min(1, { error: "state must name at least one state" })
      )
      .optional(),
    kind: z.enum(C2B_PAYMENT_KINDS, { error: "kind must be paybill or till" }).optional(),
    trans_id: z.string().trim().regex(/^[A-Za-z0-9]{6,20}$/, { error: "trans_id must be the M-Pesa receipt, e.g. RKTQDM7W6S" }).optional(),
    account: z.string().trim().max(40, { error: "account is at most 40 characters" }).optional(),
    order_id: z.string().trim().regex(/^order_[A-Za-z0-9]{1,60}$/, { error: "order_id must be an order id like order_01…" }).optional(),
    ...page,
  })
  .strict()
export type AdminMpesaC2bPaymentsQueryType = z.infer<typeof AdminMpesaC2bPaymentsQuery>

export const AdminMpesaC2bAttachBody = z
  .object({ order_id: z.string().trim().regex(/^order_[A-Za-z0-9]{1,60}$/, { error: "order_id must be an order id like order_01…" }) })
  .strict()
export type AdminMpesaC2bAttachBodyType = z.infer<typeof AdminMpesaC2bAttachBody>
