import { Badge, Button, Container, Heading, Input, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { c2bActionRefusal, c2bStateQuery, C2B_STATE_BADGE, C2B_STATE_FILTERS, describeC2bPayment } from "../../../utils/c2b-labels"
import type { MpesaC2bPayment, MpesaC2bPaymentList } from "../../lib/c2b-types"
import { findOrderId } from "../../lib/find-order"
import { sdk } from "../../lib/sdk"
import { formatKes, formatTime } from "../../lib/types"
import { C2bMatchDialog } from "./c2b-match-dialog"
import { Filter, FilterSelect } from "./filter"
import { OrderLink } from "./order-link"
import { RowsTable, type Column } from "./rows-table"

const PAGE = 20

type Search = { state: string; trans_id: string; account: string }

const amountOf = (p: MpesaC2bPayment) => (p.amount_kes != null ? formatKes(p.amount_kes) : (p.amount_raw ?? "—"))

// Every column but the actions, which need the table's state.
const COLUMNS: Column<MpesaC2bPayment>[] = [
  { header: "TransID", cell: (p) => <span className="font-mono">{p.trans_id}</span> },
  { header: "Paid", cell: (p) => formatTime(p.trans_time ?? p.created_at) },
  { header: "Amount", cell: amountOf },
  { header: "Payer", cell: (p) => [p.msisdn_masked, p.first_name].filter(Boolean).join(" ") || "—" },
  { header: "Account typed", cell: (p) => (p.kind === "till" ? "(till)" : (p.account_ref_raw ?? "—")) },
  {
    header: "State",
    cell: (p) => (
      <div className="flex max-w-sm flex-col items-start gap-1">
        <Badge size="2xsmall" color={C2B_STATE_BADGE[p.state].color}>
          {C2B_STATE_BADGE[p.state].label}
        </Badge>
        <Text size="small">{describeC2bPayment(p)}</Text>
      </div>
    ),
  },
  { header: "Order", cell: (p) => <OrderLink id={p.order_id} displayId={null} /> },
]

/**
 * Paybill/till payments, by default the merchant's queue (confirmed money no
 * order took, and payments in review), oldest first, with the two ways out:
 * match to an order awaiting payment, or refund by reversal.
 */
export const C2bPaymentsTable = () => {
  const client = useQueryClient()
  const confirm = usePrompt()
  const [draft, setDraft] = useState<Search>({ state: "queue", trans_id: "", account: "" })
  const [search, setSearch] = useState<Search>(draft)
  const [offset, setOffset] = useState(0)
  const [matching, setMatching] = useState<MpesaC2bPayment | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  const apply = (next: Search) => {
    setSearch(next)
    setOffset(0)
  }
  const query = {
    ...(c2bStateQuery(search.state) ? { state: c2bStateQuery(search.state) } : {}),
    ...(search.trans_id.trim() ? { trans_id: search.trans_id.trim() } : {}),
    ...(search.account.trim() ? { account: search.account.trim() } : {}),
    limit: PAGE,
    offset,
  }
  const { data, error } = useQuery({
    queryKey: ["soko-mpesa-c2b-payments", query],
    queryFn: () => sdk.client.fetch<MpesaC2bPaymentList>("/admin/mpesa/c2b/payments", { query }),
    placeholderData: keepPreviousData,
  })
  const refresh = () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("soko-mpesa") })

  const match = useMutation({
    mutationFn: async ({ payment, order }: { payment: MpesaC2bPayment; order: string }) => {
      const orderId = await findOrderId(order)
      await sdk.client.fetch(`/admin/mpesa/c2b/payments/${payment.id}/attach`, { method: "POST", body: { order_id: orderId } })
      return { payment, order: order.trim() }
    },
    onSuccess: ({ payment, order }) => {
      const text = `${payment.trans_id} is matched to order ${order} and captured.`
      setOutcome({ ok: true, text })
      toast.success("Payment matched", { description: text })
      setMatching(null)
      refresh()
    },
  })
  const refund = useMutation({
    mutationFn: (payment: MpesaC2bPayment) =>
      sdk.client.fetch<{ message?: string }>(`/admin/mpesa/c2b/payments/${payment.id}/refund`, { method: "POST", body: {} }),
    onSuccess: (r, payment) => {
      const text = r.message ?? `Reversal of ${payment.trans_id} requested; Safaricom sends the money back to the payer.`
      setOutcome({ ok: true, text })
      toast.success("Refund requested", { description: text })
      refresh()
    },
    onError: (e: Error, payment) => {
      setOutcome({ ok: false, text: `${payment.trans_id}: ${e.message}` })
      toast.error("Could not refund the payment", { description: e.message })
      refresh()
    },
  })
  const askRefund = async (p: MpesaC2bPayment) => {
    const ok = await confirm({
      title: "Refund this payment to the payer?",
      description: `${amountOf(p)} goes back to ${p.msisdn_masked ?? "the phone that paid"} by a reversal of TransID ${p.trans_id}. This cannot be undone.`,
      confirmText: "Refund",
      cancelText: "Cancel",
    })
    if (ok) {
      refund.mutate(p)
    }
  }

  const count = data?.count ?? 0
  const pageIndex = Math.floor(offset / PAGE)
  const pageCount = Math.max(1, Math.ceil(count / PAGE))
  return (
    <Container className="divide-y p-0" data-testid="mpesa-c2b-payments">
      <div className="px-6 py-4">
        <Heading level="h2">Unmatched payments ({count})</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Confirmed money no order took, and payments that did not add up. Nothing here moves until you decide.
        </Text>
      </div>
      <form
        className="flex flex-wrap items-end gap-4 px-6 py-4"
        onSubmit={(e) => {
          e.preventDefault()
          apply(draft)
        }}
      >
        <Filter id="mpesa-c2b-state" label="State">
          <FilterSelect
            id="mpesa-c2b-state"
            value={draft.state}
            options={C2B_STATE_FILTERS.map(([value, label]) => [value, label])}
            onChange={(state) => {
              setDraft((d) => ({ ...d, state }))
              apply({ ...draft, state })
            }}
          />
        </Filter>
        <Filter id="mpesa-c2b-trans-id" label="TransID">
          <Input id="mpesa-c2b-trans-id" placeholder="RKTQDM7W6S" value={draft.trans_id} onChange={(e) => setDraft((d) => ({ ...d, trans_id: e.target.value }))} />
        </Filter>
        <Filter id="mpesa-c2b-account" label="Account typed">
          <Input id="mpesa-c2b-account" placeholder="1042" value={draft.account} onChange={(e) => setDraft((d) => ({ ...d, account: e.target.value }))} />
        </Filter>
        <Button size="small" variant="secondary" type="submit">
          Search
        </Button>
      </form>
      {outcome ? (
        <Text size="small" role="status" data-testid="mpesa-c2b-outcome" className={`px-6 py-3 ${outcome.ok ? "" : "text-ui-fg-error"}`}>
          {outcome.text}
        </Text>
      ) : null}
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <RowsTable
        rows={data?.payments ?? []}
        columns={[
          ...COLUMNS,
          {
            header: "Actions",
            cell: (p) => {
              const refusal = c2bActionRefusal(p)
              if (p.state !== "unmatched" && p.state !== "review") {
                return null
              }
              return (
                <div className="flex gap-2" title={refusal}>
                  <Button size="small" variant="secondary" disabled={!!refusal} onClick={() => setMatching(p)}>
                    Match to order
                  </Button>
                  <Button size="small" variant="danger" disabled={!!refusal || refund.isPending} onClick={() => askRefund(p)}>
                    Refund
                  </Button>
                </div>
              )
            },
          },
        ]}
      />
      {count === 0 && data ? <Text className="px-6 py-4 text-ui-fg-subtle">No paybill or till payments here.</Text> : null}
      <Table.Pagination
        count={count}
        pageSize={PAGE}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={offset > 0}
        canNextPage={offset + PAGE < count}
        previousPage={() => setOffset(Math.max(0, offset - PAGE))}
        nextPage={() => setOffset(offset + PAGE)}
      />
      <C2bMatchDialog
        key={matching?.id ?? "none"}
        payment={matching}
        busy={match.isPending}
        error={match.error ? (match.error as Error).message : undefined}
        onMatch={(order) => matching && match.mutate({ payment: matching, order })}
        onClose={() => {
          match.reset()
          setMatching(null)
        }}
      />
    </Container>
  )
}
