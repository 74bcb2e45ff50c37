import { Input, Label, Prompt, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatKes, type MpesaReviewRow } from "../../lib/types"

type Props = {
  row: MpesaReviewRow | null
  busy: boolean
  error?: string
  onAttach: (orderId: string) => void
  onClose: () => void
}

/** Asks which order a payment in review pays, and confirms before anything is captured. */
export const AttachDialog = ({ row, busy, error, onAttach, onClose }: Props) => {
  const [orderId, setOrderId] = useState("")
  return (
    <Prompt open={!!row} onOpenChange={(open) => (!open ? onClose() : undefined)}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>Attach this payment to an order</Prompt.Title>
          <Prompt.Description>
            {row ? `${formatKes(row.amount_kes)} from ${row.phone_masked}, receipt ${row.receipt_number}. ` : ""}
            The order must be awaiting its M-Pesa payment of the same amount; its payment is then captured.
          </Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-2 px-6 pb-4">
          <Label htmlFor="mpesa-attach-order" size="small">
            Order ID (order_…, from the order's page address)
          </Label>
          <Input id="mpesa-attach-order" value={orderId} placeholder="order_01…" onChange={(e) => setOrderId(e.target.value.trim())} />
          {error ? (
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          ) : null}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={busy}>Cancel</Prompt.Cancel>
          <Prompt.Action
            disabled={busy || !orderId}
            onClick={(e) => {
              // Keep the dialog open: it closes on success, and shows the refusal otherwise.
              e.preventDefault()
              onAttach(orderId)
            }}
          >
            Attach and capture
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
