import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { MessagePreview } from "../../components/message-preview"
import { sdk } from "../../lib/sdk"
import { formatTime, LogMessage, LogMessageDetail, STATUS_COLOR } from "../../lib/types"

const PAGE = 20
const CHANNELS = ["all", "email", "sms"]
const STATUSES = ["all", "sent", "failed", "retrying", "pending", "sending", "skipped"]

type FilterSelectProps = {
  label: string
  testId: string
  allLabel: string
  options: string[]
  value: string
  onChange: (value: string) => void
}

const FilterSelect = ({ label, testId, allLabel, options, value, onChange }: FilterSelectProps) => (
  <div className="w-40">
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger aria-label={label} data-testid={testId}>
        <Select.Value placeholder={label} />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o} value={o}>{o === "all" ? allLabel : o}</Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

const MessageDrawer = ({ id, onClose }: { id: string; onClose: () => void }) => {
  const client = useQueryClient()
  const { data, error } = useQuery({
    queryKey: ["soko-notification", id],
    queryFn: () => sdk.client.fetch<{ message: LogMessageDetail }>(`/admin/notification-log/${id}`),
  })
  const resend = useMutation({
    mutationFn: () => sdk.client.fetch<{ message: LogMessage }>(`/admin/notification-log/${id}/resend`, { method: "POST" }),
    onSuccess: ({ message }) => {
      toast.success(`Resent: ${message.status}`)
      client.invalidateQueries({ queryKey: ["soko-notifications"] })
      client.invalidateQueries({ queryKey: ["soko-notification", id] })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const m = data?.message
  return (
    <Drawer open onOpenChange={(open) => (!open ? onClose() : undefined)}>
      <Drawer.Content className="max-w-3xl" data-testid="notification-drawer">
        <Drawer.Header>
          <Drawer.Title>{m ? `${m.template} · ${m.channel}` : "Message"}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-4 overflow-y-auto">
          {error ? <Text className="text-ui-fg-error">{(error as Error).message}</Text> : null}
          {m ? (
            <>
              <div className="grid grid-cols-2 gap-2 text-sm">
                <Text size="small" className="text-ui-fg-subtle">To</Text>
                <Text size="small">{m.to}</Text>
                <Text size="small" className="text-ui-fg-subtle">Status</Text>
                <div>
                  <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>{m.status}</Badge>
                </div>
                <Text size="small" className="text-ui-fg-subtle">Attempts</Text>
                <Text size="small">
                  {m.attempts} of {m.max_attempts}
                  {m.next_attempt_at && m.status === "retrying" ? ` (next ${formatTime(m.next_attempt_at)})` : ""}
                </Text>
                {m.last_error ? (
                  <>
                    <Text size="small" className="text-ui-fg-subtle">Reason</Text>
                    <Text size="small" className="text-ui-fg-error" data-testid="notification-error">{m.last_error}</Text>
                  </>
                ) : null}
                <Text size="small" className="text-ui-fg-subtle">Trigger</Text>
                <Text size="small">{m.trigger} ({m.event_name})</Text>
                <Text size="small" className="text-ui-fg-subtle">Language</Text>
                <Text size="small">{m.locale}</Text>
                {m.order_id ? (
                  <>
                    <Text size="small" className="text-ui-fg-subtle">Order</Text>
                    <Link to={`/orders/${m.order_id}`} className="text-ui-fg-interactive text-sm">{m.order_id}</Link>
                  </>
                ) : null}
                <Text size="small" className="text-ui-fg-subtle">Provider</Text>
                <Text size="small">{m.provider_id ?? "—"} {m.external_id ? `(${m.external_id})` : ""}</Text>
              </div>
              <MessagePreview channel={m.channel} subject={m.subject} html={m.body_html} text={m.body_text} sms={m.sms} />
              {m.resends.length ? (
                <Text size="small" className="text-ui-fg-subtle">Resent {m.resends.length} time(s).</Text>
              ) : null}
            </>
          ) : (
            <Text size="small">Loading…</Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button
            variant="secondary"
            isLoading={resend.isPending}
            disabled={!m || ["pending", "sending", "retrying"].includes(m.status) || resend.isPending}
            onClick={() => resend.mutate()}
            data-testid="resend-button"
          >
            Resend
          </Button>
          <Button variant="primary" onClick={onClose}>Close</Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const NotificationLogPage = () => {
  const [params, setParams] = useSearchParams()
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<string | undefined>()
  const filters = {
    order_id: params.get("order_id") ?? "",
    channel: params.get("channel") ?? "all",
    status: params.get("status") ?? "all",
    q: params.get("q") ?? "",
  }
  const set = (key: keyof typeof filters) => (value: string) => {
    const next = new URLSearchParams(params)
    if (value && value !== "all") {
      next.set(key, value)
    } else {
      next.delete(key)
    }
    setOffset(0)
    setParams(next, { replace: true })
  }
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v && v !== "all"))
  const { data, error, isLoading } = useQuery({
    queryKey: ["soko-notifications", query, offset],
    queryFn: () =>
      sdk.client.fetch<{ messages: LogMessage[]; count: number }>("/admin/notification-log", {
        query: { ...query, limit: PAGE, offset },
      }),
    refetchInterval: 10_000,
  })
  const count = data?.count ?? 0

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        <div className="mr-auto">
          <Heading level="h1">Notifications</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every email and SMS Soko sent, retried, failed or skipped, and why.{" "}
            <Link to="/notifications/templates" className="text-ui-fg-interactive">Templates</Link>
          </Text>
        </div>
        <Input
          aria-label="Order id"
          placeholder="Order id"
          defaultValue={filters.order_id}
          onBlur={(e) => set("order_id")(e.target.value.trim())}
          onKeyDown={(e) => (e.key === "Enter" ? set("order_id")((e.target as HTMLInputElement).value.trim()) : undefined)}
          data-testid="filter-order"
        />
        <Input
          aria-label="Recipient"
          placeholder="Recipient"
          defaultValue={filters.q}
          onBlur={(e) => set("q")(e.target.value.trim())}
          data-testid="filter-recipient"
        />
        <FilterSelect label="Channel" testId="filter-channel" allLabel="All channels" options={CHANNELS} value={filters.channel} onChange={set("channel")} />
        <FilterSelect label="Status" testId="filter-status" allLabel="All statuses" options={STATUSES} value={filters.status} onChange={set("status")} />
      </div>
      {error ? <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text> : null}
      <Table data-testid="notification-log">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Created</Table.HeaderCell>
            <Table.HeaderCell>Template</Table.HeaderCell>
            <Table.HeaderCell>Channel</Table.HeaderCell>
            <Table.HeaderCell>To</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Attempts</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.messages ?? []).map((m) => (
            <Table.Row
              key={m.id}
              className="cursor-pointer"
              onClick={() => setSelected(m.id)}
              data-testid="notification-row"
              data-template={m.template}
              data-channel={m.channel}
            >
              <Table.Cell>{formatTime(m.created_at)}</Table.Cell>
              <Table.Cell>
                {m.template}
                {m.audience === "merchant" ? " (shop)" : ""} <span className="text-ui-fg-subtle">{m.locale}</span>
              </Table.Cell>
              <Table.Cell>{m.channel}</Table.Cell>
              <Table.Cell>{m.to}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={STATUS_COLOR[m.status]}>{m.status}</Badge>
              </Table.Cell>
              <Table.Cell>{m.attempts}</Table.Cell>
              <Table.Cell className="max-w-xs truncate">{m.last_error ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {!isLoading && count === 0 ? <Text className="px-6 py-4 text-ui-fg-subtle">No messages match.</Text> : null}
      <Table.Pagination
        count={count}
        pageSize={PAGE}
        pageIndex={Math.floor(offset / PAGE)}
        pageCount={Math.max(1, Math.ceil(count / PAGE))}
        canPreviousPage={offset > 0}
        canNextPage={offset + PAGE < count}
        previousPage={() => setOffset((o) => Math.max(0, o - PAGE))}
        nextPage={() => setOffset((o) => o + PAGE)}
      />
      {selected ? <MessageDrawer id={selected} onClose={() => setSelected(undefined)} /> : null}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Notifications",
  icon: BellAlert,
})

export default NotificationLogPage
