import { Badge, Text } from "@medusajs/ui"
import { formatKes, REFUND_COLOR, type MpesaStatementPayment } from "../../lib/types"

const METHOD = { reversal: "Reversal", b2c: "Payout" } as const

/** What was refunded against one payment: each reversal or payout with its state, then the totals. */
export const RefundList = ({ payment }: { payment: MpesaStatementPayment }) => {
  if (!payment.refunds.length) {
    return <Text size="small">—</Text>
  }
  return (
    <div className="flex flex-col gap-1">
      {payment.refunds.map((r) => (
        <div key={r.id} className="flex items-center gap-2">
          <Text size="small">
            {METHOD[r.method]} {formatKes(r.amount_kes)}
          </Text>
          <Badge size="2xsmall" color={REFUND_COLOR[r.status]}>
            {r.status.replace("_", " ")}
          </Badge>
        </div>
      ))}
      <Text size="xsmall" className="text-ui-fg-subtle">
        Refunded {formatKes(payment.refunded_kes)}
        {payment.pending_kes ? `, ${formatKes(payment.pending_kes)} open` : ""}; refundable {formatKes(payment.refundable_kes)}
      </Text>
    </div>
  )
}
