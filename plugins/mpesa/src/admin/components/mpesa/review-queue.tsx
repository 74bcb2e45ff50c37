import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatKes, formatTime, STATUS_COLOR, type MpesaReviewRow } from "../../lib/types"
import { AttachDialog } from "./attach-dialog"
import { OrderLink } from "./order-link"
import { RefundList } from "./refund-list"
import { RowsTable, type Column } from "./rows-table"

// Every column but the actions, which need the queue's state.
const COLUMNS: Column<MpesaReviewRow>[] = [
  { header: "Received", cell: (row) => formatTime(row.settled_at ?? row.created_at) },
  {
    header: "Why",
    cell: (row) => (
      <div className="flex flex-col gap-1">
        <Badge size="2xsmall" color={STATUS_COLOR[row.status]}>
          {row.status}
        </Badge>
        <Text size="small">{row.flag_text}</Text>
      </div>
    ),
  },
  { header: "Amount", cell: (row) => formatKes(row.amount_kes) },
  { header: "Phone", cell: (row) => row.phone_masked },
  { header: "Receipt", cell: (row) => row.receipt_number ?? "—" },
  { header: "Order", cell: (row) => <OrderLink id={row.order_id} displayId={row.order_display_id} /> },
  { header: "Refunds", cell: (row) => <RefundList payment={row} /> },
]

/** Payments that did not add up, oldest first, with the merchant's two ways out: attach to an order, or refund to the phone. */
export const ReviewQueue = () => {
  const client = useQueryClient()
  const confirm = usePrompt()
  const [attaching, setAttaching] = useState<MpesaReviewRow | null>(null)
  const { data, error } = useQuery({
    queryKey: ["soko-mpesa-review"],
    queryFn: () => sdk.client.fetch<{ requests: MpesaReviewRow[]; count: number }>("/admin/mpesa/review"),
  })
  const refresh = () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("soko-mpesa") })
  const attach = useMutation({
    mutationFn: ({ id, orderId }: { id: string; orderId: string }) =>
      sdk.client.fetch(`/admin/mpesa/review/${id}/attach`, { method: "POST", body: { order_id: orderId } }),
    onSuccess: () => {
      toast.success("Payment attached", { description: "The order's payment is captured." })
      setAttaching(null)
      refresh()
    },
  })
  const refund = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/mpesa/review/${id}/refund`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("Reversal requested", { description: "The payment leaves the queue once Safaricom confirms it." })
      refresh()
    },
    onError: (e: Error) => toast.error("Could not refund the payment", { description: e.message }),
  })
  const askRefund = async (row: MpesaReviewRow) => {
    const ok = await confirm({
      title: "Refund this payment to the phone?",
      description: `${formatKes(row.amount_kes)} goes back to ${row.phone_masked} by a reversal of receipt ${row.receipt_number}. This cannot be undone.`,
      confirmText: "Refund",
      cancelText: "Cancel",
    })
    if (ok) {
      refund.mutate(row.id)
    }
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Review queue ({data?.count ?? 0})</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Money that arrived but did not add up. Nothing here is captured or refunded until you decide.
        </Text>
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <RowsTable
        rows={data?.requests ?? []}
        columns={[
          ...COLUMNS,
          {
            header: "Actions",
            cell: (row) => (
              <div className="flex gap-2">
                <Button size="small" variant="secondary" disabled={!row.can_attach} onClick={() => setAttaching(row)}>
                  Attach
                </Button>
                <Button size="small" variant="danger" disabled={!row.can_refund || refund.isPending} onClick={() => askRefund(row)}>
                  Refund
                </Button>
              </div>
            ),
          },
        ]}
      />
      <AttachDialog
        key={attaching?.id ?? "none"}
        row={attaching}
        busy={attach.isPending}
        error={attach.error ? (attach.error as Error).message : undefined}
        onAttach={(orderId) => attaching && attach.mutate({ id: attaching.id, orderId })}
        onClose={() => {
          attach.reset()
          setAttaching(null)
        }}
      />
    </Container>
  )
}
