import { Input, Label, Prompt, Text } from "@medusajs/ui"
import { useState } from "react"

type Props = {
  open: boolean
  title: string
  /** What the payment is and what the order must be. */
  description: string
  inputId: string
  label: string
  placeholder: string
  action: string
  busy: boolean
  /** The server's refusal, shown as it came. */
  error?: string
  onChoose: (order: string) => void
  onClose: () => void
}

/**
 * Asks which order a payment pays (review queue and paybill/till queue alike).
 * It stays open on "choose": it closes on success and shows the server's refusal otherwise.
 */
export const OrderChoiceDialog = ({ open, title, description, inputId, label, placeholder, action, busy, error, onChoose, onClose }: Props) => {
  const [order, setOrder] = useState("")
  return (
    <Prompt open={open} onOpenChange={(next) => (!next ? onClose() : undefined)}>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{title}</Prompt.Title>
          <Prompt.Description>{description}</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-2 px-6 pb-4">
          <Label htmlFor={inputId} size="small">
            {label}
          </Label>
          <Input id={inputId} value={order} placeholder={placeholder} onChange={(e) => setOrder(e.target.value)} />
          {error ? (
            <Text size="small" className="text-ui-fg-error" role="alert">
              {error}
            </Text>
          ) : null}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel disabled={busy}>Cancel</Prompt.Cancel>
          <Prompt.Action
            disabled={busy || !order.trim()}
            onClick={(e) => {
              e.preventDefault()
              onChoose(order.trim())
            }}
          >
            {action}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
