import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { StatusActions } from "../components/status-actions"
import { StatusTimeline } from "../components/status-timeline"
import { sdk } from "../lib/sdk"
import { errorMessage, type HistoryEntry, type OrderLifecycle } from "../lib/types"

/** crypto.randomUUID only exists in secure contexts (https, localhost); an admin on plain http still works. */
const requestKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

type LifecycleResponse = { order_lifecycle: OrderLifecycle & { updated_at: string | null } }
type HistoryResponse = { history: HistoryEntry[] }

/** The order's status, the legal next states as buttons, and its status timeline. */
const OrderLifecycleStatusWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const lifecycle = useQuery({
    queryKey: ["soko-order-lifecycle", order.id],
    queryFn: () => sdk.client.fetch<LifecycleResponse>(`/admin/orders/${order.id}/lifecycle`),
  })
  const history = useQuery({
    queryKey: ["soko-order-lifecycle-history", order.id],
    queryFn: () => sdk.client.fetch<HistoryResponse>(`/admin/orders/${order.id}/lifecycle/history`),
  })
  const move = useMutation({
    mutationFn: ({ to, reason }: { to: string; reason: string }) =>
      sdk.client.fetch(`/admin/orders/${order.id}/lifecycle`, {
        method: "POST",
        // A fresh key per click: a double submit or a retried request moves the order once.
        body: { status: to, reason: reason || undefined, idempotency_key: requestKey() },
      }),
    onSuccess: async () => {
      toast.success("Order status updated")
      // Cancelling or completing also changes Medusa's own order, so refresh everything.
      await queryClient.invalidateQueries()
    },
  })

  const current = lifecycle.data?.order_lifecycle
  return (
    <Container className="divide-y p-0" data-testid="order-status-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Order status</Heading>
        {current ? <Badge data-testid="order-status-current">{current.label}</Badge> : null}
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        {lifecycle.isLoading ? <Text size="small">Loading…</Text> : null}
        {lifecycle.error ? (
          <Text size="small" className="text-ui-fg-subtle">
            {errorMessage(lifecycle.error)}
          </Text>
        ) : null}
        {current ? (
          <>
            {current.description ? (
              <Text size="small" className="text-ui-fg-subtle">
                {current.description}
              </Text>
            ) : null}
            <StatusActions
              key={current.version}
              options={current.next_states}
              pending={move.isPending}
              error={move.error ? errorMessage(move.error) : null}
              onMove={(to, reason) => move.mutate({ to, reason })}
            />
          </>
        ) : null}
      </div>
      <div className="px-6 py-4">
        <StatusTimeline history={history.data?.history ?? []} />
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderLifecycleStatusWidget
