import type { MpesaC2bPayment } from "../../lib/c2b-types"
import { formatKes } from "../../lib/types"
import { OrderChoiceDialog } from "./order-choice-dialog"

type Props = {
  payment: MpesaC2bPayment | null
  busy: boolean
  error?: string
  onMatch: (order: string) => void
  onClose: () => void
}

const describe = (p: MpesaC2bPayment) =>
  `${p.amount_kes != null ? formatKes(p.amount_kes) : p.amount_raw} from ${p.msisdn_masked ?? "an unknown phone"}, ` +
  `TransID ${p.trans_id}${p.account_ref_raw ? `, account "${p.account_ref_raw}"` : ""}. `

/** Asks which order a paybill/till payment pays; the server decides whether it can, and its refusal is shown as it came. */
export const C2bMatchDialog = ({ payment, busy, error, onMatch, onClose }: Props) => (
  <OrderChoiceDialog
    open={!!payment}
    title="Match this payment to an order"
    description={`${payment ? describe(payment) : ""}The order must be awaiting its M-Pesa payment; the payment is captured on it.`}
    inputId="mpesa-c2b-match-order"
    label="Order number (#1042) or order ID (order_…)"
    placeholder="#1042"
    action="Match and capture"
    busy={busy}
    error={error}
    onChoose={onMatch}
    onClose={onClose}
  />
)
