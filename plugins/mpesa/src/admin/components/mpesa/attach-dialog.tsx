import { formatKes, type MpesaReviewRow } from "../../lib/types"
import { OrderChoiceDialog } from "./order-choice-dialog"

type Props = {
  row: MpesaReviewRow | null
  busy: boolean
  error?: string
  onAttach: (orderId: string) => void
  onClose: () => void
}

/** Asks which order a payment in review pays, and confirms before anything is captured. */
export const AttachDialog = ({ row, busy, error, onAttach, onClose }: Props) => (
  <OrderChoiceDialog
    open={!!row}
    title="Attach this payment to an order"
    description={`${row ? `${formatKes(row.amount_kes)} from ${row.phone_masked}, receipt ${row.receipt_number}. ` : ""}The order must be awaiting its M-Pesa payment of the same amount; its payment is then captured.`}
    inputId="mpesa-attach-order"
    label="Order ID (order_…, from the order's page address)"
    placeholder="order_01…"
    action="Attach and capture"
    busy={busy}
    error={error}
    onChoose={onAttach}
    onClose={onClose}
  />
)
