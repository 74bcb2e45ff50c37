import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type LifecycleResponse = {
  order_lifecycle: { order_id: string; status: string; updated_at: string }
}

const label = (status: string) =>
  status.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase())

const OrderLifecycleStatusWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["soko-order-lifecycle", order.id],
    queryFn: () =>
      sdk.client.fetch<LifecycleResponse>(`/admin/orders/${order.id}/lifecycle`),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Order status</Heading>
        {data ? <Badge>{label(data.order_lifecycle.status)}</Badge> : null}
      </div>
      <div className="px-6 py-4">
        {isLoading ? <Text size="small">Loading…</Text> : null}
        {error ? (
          <Text size="small" className="text-ui-fg-subtle">
            No lifecycle status recorded for this order.
          </Text>
        ) : null}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderLifecycleStatusWidget
