import { Badge, Container, Heading, Input, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatKes, formatTime, STATUS_COLOR, type MpesaStatementPayment } from "../../lib/types"
import { Filter, FilterSelect } from "./filter"
import { OrderLink } from "./order-link"
import { RefundList } from "./refund-list"
import { RowsTable, type Column } from "./rows-table"

type Filters = { status: string; phone: string; receipt: string; flagged: string }

const STATUSES = ["all", "paid", "review", "refunded", "pending", "failed", "cancelled", "expired"]

const FLAGGED: [value: string, label: string][] = [
  ["all", "all"],
  ["true", "flagged only"],
  ["false", "not flagged"],
]

const toQuery = (f: Filters) => Object.fromEntries(Object.entries(f).filter(([, v]) => v && v !== "all"))

const COLUMNS: Column<MpesaStatementPayment>[] = [
  { header: "Created", cell: (t) => formatTime(t.created_at) },
  { header: "Phone", cell: (t) => t.phone_masked },
  { header: "Amount", cell: (t) => formatKes(t.amount_kes) },
  { header: "Status", cell: (t) => <Badge color={STATUS_COLOR[t.status]}>{t.status}</Badge> },
  { header: "Receipt", cell: (t) => t.receipt_number ?? "—" },
  { header: "Order", cell: (t) => <OrderLink id={t.order_id} displayId={t.order_display_id} /> },
  { header: "Refunds", cell: (t) => <RefundList payment={t} /> },
  { header: "Note", cell: (t) => t.flag_text ?? t.result_desc ?? "" },
]

/** Every payment, newest first, with what was refunded against it; filters are labelled. */
export const StatementTable = () => {
  const [filters, setFilters] = useState<Filters>({ status: "all", phone: "", receipt: "", flagged: "all" })
  const set = (k: keyof Filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }))
  const { data, error } = useQuery({
    queryKey: ["soko-mpesa-transactions", filters],
    queryFn: () =>
      sdk.client.fetch<{ transactions: MpesaStatementPayment[]; count: number }>("/admin/mpesa/transactions", {
        query: toQuery(filters),
      }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        <Heading level="h2" className="mr-auto">
          Payments ({data?.count ?? 0})
        </Heading>
        <Filter id="mpesa-status" label="Status">
          <FilterSelect id="mpesa-status" value={filters.status} options={STATUSES.map((s) => [s, s])} onChange={set("status")} />
        </Filter>
        <Filter id="mpesa-flagged" label="Flagged">
          <FilterSelect id="mpesa-flagged" value={filters.flagged} options={FLAGGED} onChange={set("flagged")} />
        </Filter>
        <Filter id="mpesa-phone" label="Phone">
          <Input id="mpesa-phone" placeholder="0712345678" value={filters.phone} onChange={(e) => set("phone")(e.target.value)} />
        </Filter>
        <Filter id="mpesa-receipt" label="Receipt">
          <Input id="mpesa-receipt" placeholder="UAB1CD2EF3" value={filters.receipt} onChange={(e) => set("receipt")(e.target.value)} />
        </Filter>
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <RowsTable columns={COLUMNS} rows={data?.transactions ?? []} />
    </Container>
  )
}
