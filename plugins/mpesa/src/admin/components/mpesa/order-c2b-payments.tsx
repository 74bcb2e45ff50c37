import { Badge, Text } from "@medusajs/ui"
import { C2B_STATE_BADGE, describeC2bPayment } from "../../../utils/c2b-labels"
import type { MpesaC2bPayment } from "../../lib/c2b-types"
import { formatKes, formatTime } from "../../lib/types"

/** The paybill/till payments made for one order (matched by Soko or by the merchant), oldest first, each in a sentence. */
export const OrderC2bPayments = ({ payments }: { payments: MpesaC2bPayment[] }) => (
  <div className="px-6 py-4" data-testid="mpesa-order-c2b">
    <Text size="small" weight="plus">
      Paybill/till payments
    </Text>
    <ul aria-label="Paybill/till payments">
      {payments.map((p) => (
        <li key={p.id} className="flex flex-col gap-1 py-2" data-testid={`mpesa-order-c2b-${p.trans_id}`}>
          <span className="flex items-center justify-between gap-2">
            <Text size="small" className="font-mono">
              {p.trans_id}
            </Text>
            <Badge size="2xsmall" color={C2B_STATE_BADGE[p.state].color}>
              {C2B_STATE_BADGE[p.state].label}
            </Badge>
          </span>
          <Text size="small" className="text-ui-fg-subtle">
            {[
              p.amount_kes != null ? formatKes(p.amount_kes) : p.amount_raw,
              p.kind === "till" ? "till" : `paybill, account "${p.account_ref_raw ?? ""}"`,
              p.msisdn_masked,
              formatTime(p.trans_time ?? p.created_at),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          <Text size="small">{describeC2bPayment(p)}</Text>
        </li>
      ))}
    </ul>
  </div>
)
