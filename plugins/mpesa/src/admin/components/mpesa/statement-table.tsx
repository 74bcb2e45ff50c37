import { Badge, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatKes, formatTime, STATUS_COLOR, type MpesaStatementPayment } from "../../lib/types"
import { OrderLink } from "./order-link"
import { RefundList } from "./refund-list"

type Filters = { status: string; phone: string; receipt: string; flagged: string }

const STATUSES = ["all", "paid", "review", "refunded", "pending", "failed", "cancelled", "expired"]

const toQuery = (f: Filters) => Object.fromEntries(Object.entries(f).filter(([, v]) => v && v !== "all"))

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
        <div className="flex flex-col gap-1">
          <Label htmlFor="mpesa-status" size="xsmall">
            Status
          </Label>
          <Select value={filters.status} onValueChange={set("status")}>
            <Select.Trigger id="mpesa-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {STATUSES.map((s) => (
                <Select.Item key={s} value={s}>
                  {s}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="mpesa-flagged" size="xsmall">
            Flagged
          </Label>
          <Select value={filters.flagged} onValueChange={set("flagged")}>
            <Select.Trigger id="mpesa-flagged">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">all</Select.Item>
              <Select.Item value="true">flagged only</Select.Item>
              <Select.Item value="false">not flagged</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="mpesa-phone" size="xsmall">
            Phone
          </Label>
          <Input id="mpesa-phone" placeholder="0712345678" value={filters.phone} onChange={(e) => set("phone")(e.target.value)} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="mpesa-receipt" size="xsmall">
            Receipt
          </Label>
          <Input id="mpesa-receipt" placeholder="UAB1CD2EF3" value={filters.receipt} onChange={(e) => set("receipt")(e.target.value)} />
        </div>
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell>Phone</Table.HeaderCell>
            <Table.HeaderCell>Amount</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Receipt</Table.HeaderCell>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Refunds</Table.HeaderCell>
            <Table.HeaderCell>Note</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.transactions ?? []).map((t) => (
            <Table.Row key={t.id}>
              <Table.Cell>{formatTime(t.created_at)}</Table.Cell>
              <Table.Cell>{t.phone_masked}</Table.Cell>
              <Table.Cell>{formatKes(t.amount_kes)}</Table.Cell>
              <Table.Cell>
                <Badge color={STATUS_COLOR[t.status]}>{t.status}</Badge>
              </Table.Cell>
              <Table.Cell>{t.receipt_number ?? "—"}</Table.Cell>
              <Table.Cell>
                <OrderLink id={t.order_id} displayId={t.order_display_id} />
              </Table.Cell>
              <Table.Cell>
                <RefundList payment={t} />
              </Table.Cell>
              <Table.Cell>{t.flag_text ?? t.result_desc ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
