import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ChatBubble, Envelope } from "@medusajs/icons"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { formatTime, LogMessage, STATUS_COLOR } from "../lib/types"

/** Every email and SMS about this order, with its status. */
const OrderNotificationsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({
    queryKey: ["soko-order-notifications", order.id],
    queryFn: () => sdk.client.fetch<{ messages: LogMessage[] }>(`/admin/orders/${order.id}/notification-log`),
    refetchInterval: 10_000,
  })
  const messages = data?.messages ?? []
  return (
    <Container className="divide-y p-0" data-testid="order-notifications-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Notifications</Heading>
        <Link to={`/notifications?order_id=${order.id}`} className="text-ui-fg-interactive text-sm">
          Open log
        </Link>
      </div>
      <div className="flex flex-col gap-3 px-6 py-4">
        {isLoading ? <Text size="small">Loading…</Text> : null}
        {error ? <Text size="small" className="text-ui-fg-error">{(error as Error).message}</Text> : null}
        {!isLoading && !error && messages.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">No notifications yet.</Text>
        ) : null}
        {messages.map((m) => (
          <div key={m.id} className="flex items-start gap-2">
            {m.channel === "sms" ? <ChatBubble className="text-ui-fg-subtle" /> : <Envelope className="text-ui-fg-subtle" />}
            <div className="flex flex-1 flex-col">
              <Text size="small" weight="plus">
                {m.template}
                {m.audience === "merchant" ? " (shop)" : ""}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {m.to} · {formatTime(m.sent_at ?? m.created_at)}
              </Text>
              {m.last_error && m.status !== "sent" ? (
                <Text size="xsmall" className="text-ui-fg-error">{m.last_error}</Text>
              ) : null}
            </div>
            <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>
              {m.status}
            </Badge>
          </div>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderNotificationsWidget
