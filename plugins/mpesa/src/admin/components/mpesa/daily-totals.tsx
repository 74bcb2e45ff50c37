import { Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"
import { formatKes, type MpesaStatement } from "../../lib/types"
import { Filter } from "./filter"

/** Per Nairobi day: money in, money out (confirmed), refunds still open, net; to read beside Safaricom's statement. */
export const DailyTotals = () => {
  const [range, setRange] = useState({ from: "", to: "" })
  const query = Object.fromEntries(Object.entries(range).filter(([, v]) => v))
  const { data, error } = useQuery({
    queryKey: ["soko-mpesa-statement", range],
    queryFn: () => sdk.client.fetch<MpesaStatement>("/admin/mpesa/statement", { query }),
  })
  const days = (data?.days ?? []).filter((d) => d.in_kes || d.out_kes || d.pending_out_kes || d.unconfirmed_kes).reverse()
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end gap-4 px-6 py-4">
        <div className="mr-auto">
          <Heading level="h2">Daily totals</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Days in {data?.time_zone ?? "Africa/Nairobi"} time (EAT, UTC+3), as on Safaricom's statement
          </Text>
        </div>
        <Filter id="mpesa-from" label="From">
          <Input id="mpesa-from" type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </Filter>
        <Filter id="mpesa-to" label="To">
          <Input id="mpesa-to" type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </Filter>
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Day</Table.HeaderCell>
            <Table.HeaderCell>In</Table.HeaderCell>
            <Table.HeaderCell>Out</Table.HeaderCell>
            <Table.HeaderCell>Refunds open</Table.HeaderCell>
            <Table.HeaderCell>Unconfirmed</Table.HeaderCell>
            <Table.HeaderCell>Net</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {days.map((d) => (
            <Table.Row key={d.date}>
              <Table.Cell>{d.date}</Table.Cell>
              <Table.Cell>
                {formatKes(d.in_kes)} ({d.in_count})
              </Table.Cell>
              <Table.Cell>
                {formatKes(d.out_kes)} ({d.out_count})
              </Table.Cell>
              <Table.Cell>{formatKes(d.pending_out_kes)}</Table.Cell>
              <Table.Cell>{formatKes(d.unconfirmed_kes)}</Table.Cell>
              <Table.Cell>{formatKes(d.net_kes)}</Table.Cell>
            </Table.Row>
          ))}
          {data ? (
            <Table.Row>
              <Table.Cell>
                {data.from} – {data.to}
              </Table.Cell>
              <Table.Cell>{formatKes(data.totals.in_kes)}</Table.Cell>
              <Table.Cell>{formatKes(data.totals.out_kes)}</Table.Cell>
              <Table.Cell>{formatKes(data.totals.pending_out_kes)}</Table.Cell>
              <Table.Cell>{formatKes(data.totals.unconfirmed_kes)}</Table.Cell>
              <Table.Cell>{formatKes(data.totals.net_kes)}</Table.Cell>
            </Table.Row>
          ) : null}
        </Table.Body>
      </Table>
    </Container>
  )
}
