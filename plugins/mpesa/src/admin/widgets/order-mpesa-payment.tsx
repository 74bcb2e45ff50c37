import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { C2B_ORDER_STATES } from "../../utils/c2b-labels"
import { OrderC2bPayments } from "../components/mpesa/order-c2b-payments"
import type { MpesaC2bPaymentList } from "../lib/c2b-types"
import { sdk } from "../lib/sdk"
import { formatKes, formatTime, STATUS_COLOR, type MpesaCallback, type MpesaTransaction } from "../lib/types"

type Refund = {
  id: string
  method: "reversal" | "b2c"
  status: string
  amount_kes: number
  result_desc: string | null
  payout_receipt: string | null
  created_at: string
  settled_at: string | null
}
type OrderMpesa = { transactions: MpesaTransaction[]; callbacks: MpesaCallback[]; reversals: Refund[] }

const OrderMpesaPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const client = useQueryClient()
  const key = ["soko-mpesa-order", order.id]
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<OrderMpesa>(`/admin/orders/${order.id}/mpesa`),
  })
  // Paybill/till payments for this order: every state that can carry an order, not only the merchant's queue.
  const { data: c2b } = useQuery({
    queryKey: ["soko-mpesa-order-c2b", order.id],
    queryFn: () =>
      sdk.client.fetch<MpesaC2bPaymentList>("/admin/mpesa/c2b/payments", {
        query: { order_id: order.id, state: C2B_ORDER_STATES.join(",") },
      }),
  })
  const c2bPayments = c2b?.payments ?? []
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "soko-mpesa-order" || q.queryKey[0] === "soko-mpesa-order-c2b" })
  const check = useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ decision: { note: string } }>(`/admin/mpesa/requests/${id}/check`, { method: "POST" }),
    onSuccess: (r) => {
      toast.success("M-Pesa checked", { description: r.decision.note })
      refresh()
    },
    onError: (e: Error) => toast.error("Check failed", { description: e.message }),
  })
  const resend = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/orders/${order.id}/mpesa/resend`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("A new M-Pesa prompt was sent")
      refresh()
    },
    onError: (e: Error) => toast.error("Could not send a prompt", { description: e.message }),
  })

  // Empty: refund everything left (a reversal when nothing was refunded yet); a number: that many KES by B2C.
  const [refundKes, setRefundKes] = useState("")
  const refund = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/orders/${order.id}/mpesa/refund`, {
        method: "POST",
        body: refundKes.trim() ? { amount_kes: Number(refundKes) } : {},
      }),
    onSuccess: () => {
      toast.success("Refund requested", { description: "It is recorded when Safaricom confirms it." })
      setRefundKes("")
      refresh()
    },
    onError: (e: Error) => toast.error("Could not request the refund", { description: e.message }),
  })

  if (!data?.transactions.length) {
    // Paid by hand to the paybill or till, without a prompt: only those payments to show.
    return c2bPayments.length ? (
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">M-Pesa payment</Heading>
        </div>
        <OrderC2bPayments payments={c2bPayments} />
      </Container>
    ) : null
  }
  const latest = data.transactions[data.transactions.length - 1]
  const refunds = (data.reversals ?? []).filter((r) => r.status !== "failed")
  const refundable =
    latest.status === "paid" &&
    !refunds.some((r) => r.method === "reversal") &&
    refunds.reduce((sum, r) => sum + r.amount_kes, 0) < latest.amount_kes
  const timeline = [
    ...data.transactions.map((t) => ({
      at: t.created_at,
      text: `Prompt sent to ${t.phone} for ${formatKes(t.amount_kes)}`,
    })),
    ...data.transactions
      .filter((t) => t.settled_at)
      .map((t) => ({ at: t.settled_at!, text: `Settled: ${t.status}${t.result_desc ? ` (${t.result_desc})` : ""}` })),
    ...data.callbacks.map((c) => ({ at: c.created_at, text: `Callback ${c.outcome}${c.detail ? `: ${c.detail}` : ""}` })),
    ...(data.reversals ?? []).map((r) => ({
      at: r.settled_at ?? r.created_at,
      text: `${r.method === "b2c" ? "B2C refund" : "Reversal"} of ${formatKes(r.amount_kes)}: ${r.status.replace(/_/g, " ")}${
        r.payout_receipt ? ` ${r.payout_receipt}` : ""
      }${r.result_desc ? ` (${r.result_desc})` : ""}`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">M-Pesa payment</Heading>
        <Badge color={STATUS_COLOR[latest.status]}>{latest.status}</Badge>
      </div>
      <dl className="grid grid-cols-2 gap-y-2 px-6 py-4 text-sm">
        <dt className="text-ui-fg-subtle">Phone</dt>
        <dd>{latest.phone}</dd>
        <dt className="text-ui-fg-subtle">Amount</dt>
        <dd>{formatKes(latest.amount_kes)}</dd>
        <dt className="text-ui-fg-subtle">Receipt</dt>
        <dd data-testid="mpesa-receipt">{latest.receipt_number ?? "—"}</dd>
        {latest.flag ? (
          <>
            <dt className="text-ui-fg-subtle">Needs attention</dt>
            <dd className="text-ui-fg-error">{latest.flag.replace(/_/g, " ")}</dd>
          </>
        ) : null}
      </dl>
      <ol className="px-6 py-4" aria-label="M-Pesa timeline">
        {timeline.map((item, i) => (
          <li key={i} className="py-1">
            <Text size="small" className="text-ui-fg-subtle">
              {formatTime(item.at)}
            </Text>
            <Text size="small">{item.text}</Text>
          </li>
        ))}
      </ol>
      {c2bPayments.length ? <OrderC2bPayments payments={c2bPayments} /> : null}
      <div className="flex gap-2 px-6 py-4">
        <Button size="small" variant="secondary" isLoading={check.isPending} onClick={() => check.mutate(latest.id)}>
          Check status now
        </Button>
        {refundable ? (
          <>
            <Label htmlFor="mpesa-refund-kes" className="sr-only">
              KES to refund (empty: all that is left)
            </Label>
            <Input
              id="mpesa-refund-kes"
              size="small"
              type="number"
              min={1}
              step={1}
              placeholder="All"
              className="w-24"
              value={refundKes}
              onChange={(e) => setRefundKes(e.target.value)}
            />
            <Button size="small" variant="danger" isLoading={refund.isPending} onClick={() => refund.mutate()}>
              Refund via M-Pesa
            </Button>
          </>
        ) : null}
        {latest.status !== "paid" && latest.status !== "pending" ? (
          <Button size="small" variant="secondary" isLoading={resend.isPending} onClick={() => resend.mutate()}>
            Resend prompt
          </Button>
        ) : null}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderMpesaPaymentWidget
