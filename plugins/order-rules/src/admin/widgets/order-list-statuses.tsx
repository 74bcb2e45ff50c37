import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { OrderRulesResponse } from "../lib/types"

type OrderRow = {
  id: string
  display_id: number
  email: string | null
  created_at: string
  order_lifecycle?: { status: string } | null
}

/** The latest orders with their order-rules status, and how many orders are in each status. */
const OrderListStatusesWidget = () => {
  const orders = useQuery({
    queryKey: ["soko-order-list-statuses"],
    queryFn: () =>
      sdk.client.fetch<{ orders: OrderRow[] }>("/admin/orders", {
        query: { fields: "id,display_id,email,created_at,+order_lifecycle.status", limit: 10, order: "-created_at" },
      }),
  })
  const rules = useQuery({
    queryKey: ["soko-order-rules"],
    queryFn: () => sdk.client.fetch<OrderRulesResponse>("/admin/order-rules"),
  })
  const states = rules.data?.rule_set.states ?? []
  const label = (id: string | undefined) => states.find((s) => s.id === id)?.label ?? id ?? "—"
  const counts = Object.entries(rules.data?.orders_by_status ?? {})

  return (
    <Container className="divide-y p-0" data-testid="order-list-statuses">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2">Order statuses</Heading>
        <div className="flex flex-wrap gap-1">
          {counts.map(([status, count]) => (
            <Badge key={status} size="2xsmall">
              {label(status)}: {count}
            </Badge>
          ))}
        </div>
      </div>
      {orders.isLoading ? (
        <Text size="small" className="px-6 py-4">
          Loading…
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Placed</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(orders.data?.orders ?? []).map((order) => (
              <Table.Row key={order.id} data-testid="order-list-status-row">
                <Table.Cell>
                  {/* The admin is served under /app by default. */}
                  <a className="text-ui-fg-interactive" href={`/app/orders/${order.id}`}>
                    #{order.display_id}
                  </a>
                </Table.Cell>
                <Table.Cell>{order.email}</Table.Cell>
                <Table.Cell>{new Date(order.created_at).toLocaleString()}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{label(order.order_lifecycle?.status)}</Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.list.before",
})

export default OrderListStatusesWidget
