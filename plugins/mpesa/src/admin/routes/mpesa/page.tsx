import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Badge, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatKes, formatTime, STATUS_COLOR, type MpesaCallback, type MpesaTransaction } from "../../lib/types"

type Filters = { status: string; phone: string; receipt: string; flagged: string }

const toQuery = (f: Filters) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v && v !== "all"))

const MpesaTransactionsPage = () => {
  const [filters, setFilters] = useState<Filters>({ status: "all", phone: "", receipt: "", flagged: "all" })
  const set = (k: keyof Filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }))
  const transactions = useQuery({
    queryKey: ["soko-mpesa-transactions", filters],
    queryFn: () =>
      sdk.client.fetch<{ transactions: MpesaTransaction[]; count: number }>("/admin/mpesa/transactions", {
        query: toQuery(filters),
      }),
  })
  const unmatched = useQuery({
    queryKey: ["soko-mpesa-unmatched"],
    queryFn: () =>
      sdk.client.fetch<{ callbacks: MpesaCallback[]; count: number }>("/admin/mpesa/callbacks", {
        query: { matched: "false" },
      }),
  })

  return (
    <div className="flex flex-col gap-4">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-end gap-3 px-6 py-4">
          <Heading level="h1" className="mr-auto">
            M-Pesa transactions
          </Heading>
          <Select value={filters.status} onValueChange={set("status")}>
            <Select.Trigger aria-label="Status">
              <Select.Value placeholder="Status" />
            </Select.Trigger>
            <Select.Content>
              {["all", "review", "pending", "paid", "failed", "cancelled", "expired"].map((s) => (
                <Select.Item key={s} value={s}>
                  {s}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Select value={filters.flagged} onValueChange={set("flagged")}>
            <Select.Trigger aria-label="Needs attention">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">all</Select.Item>
              <Select.Item value="true">needs attention</Select.Item>
            </Select.Content>
          </Select>
          <Input aria-label="Phone" placeholder="Phone" value={filters.phone} onChange={(e) => set("phone")(e.target.value)} />
          <Input aria-label="Receipt" placeholder="Receipt" value={filters.receipt} onChange={(e) => set("receipt")(e.target.value)} />
        </div>
        {transactions.error ? (
          <Text className="px-6 py-4 text-ui-fg-error">{(transactions.error as Error).message}</Text>
        ) : null}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Created</Table.HeaderCell>
              <Table.HeaderCell>Phone</Table.HeaderCell>
              <Table.HeaderCell>Amount</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Receipt</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Note</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(transactions.data?.transactions ?? []).map((t) => (
              <Table.Row key={t.id}>
                <Table.Cell>{formatTime(t.created_at)}</Table.Cell>
                <Table.Cell>{t.phone}</Table.Cell>
                <Table.Cell>{formatKes(t.amount_kes)}</Table.Cell>
                <Table.Cell>
                  <Badge color={STATUS_COLOR[t.status]}>{t.status}</Badge>
                </Table.Cell>
                <Table.Cell>{t.receipt_number ?? "—"}</Table.Cell>
                <Table.Cell>{t.order_id ? <a href={`/app/orders/${t.order_id}`}>{t.order_id.slice(-8)}</a> : "—"}</Table.Cell>
                <Table.Cell>{t.flag ?? t.result_desc ?? ""}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <Heading level="h2" className="px-6 py-4">
          Unmatched and rejected callbacks ({unmatched.data?.count ?? 0})
        </Heading>
        <Table>
          <Table.Body>
            {(unmatched.data?.callbacks ?? []).map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{formatTime(c.created_at)}</Table.Cell>
                <Table.Cell>{c.checkout_request_id ?? "—"}</Table.Cell>
                <Table.Cell>{c.outcome}</Table.Cell>
                <Table.Cell>{c.detail}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "M-Pesa", icon: CreditCard })

export default MpesaTransactionsPage
