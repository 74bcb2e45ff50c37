import { Container, Heading, Table } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { formatTime, type MpesaCallback } from "../../lib/types"

/** Callbacks that matched no prompt or were rejected: spoofed, stray or malformed. */
export const UnmatchedCallbacks = () => {
  const { data } = useQuery({
    queryKey: ["soko-mpesa-unmatched"],
    queryFn: () =>
      sdk.client.fetch<{ callbacks: MpesaCallback[]; count: number }>("/admin/mpesa/callbacks", { query: { matched: "false" } }),
  })
  return (
    <Container className="divide-y p-0">
      <Heading level="h2" className="px-6 py-4">
        Unmatched and rejected callbacks ({data?.count ?? 0})
      </Heading>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Received</Table.HeaderCell>
            <Table.HeaderCell>CheckoutRequestID</Table.HeaderCell>
            <Table.HeaderCell>Outcome</Table.HeaderCell>
            <Table.HeaderCell>Detail</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.callbacks ?? []).map((c) => (
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
  )
}
