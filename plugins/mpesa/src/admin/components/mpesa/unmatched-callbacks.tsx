import { Container, Heading } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { formatTime, type MpesaCallback } from "../../lib/types"
import { RowsTable, type Column } from "./rows-table"

const COLUMNS: Column<MpesaCallback>[] = [
  { header: "Received", cell: (c) => formatTime(c.created_at) },
  { header: "CheckoutRequestID", cell: (c) => c.checkout_request_id ?? "—" },
  { header: "Outcome", cell: (c) => c.outcome },
  { header: "Detail", cell: (c) => c.detail },
]

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
      <RowsTable columns={COLUMNS} rows={data?.callbacks ?? []} />
    </Container>
  )
}
