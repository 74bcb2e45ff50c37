import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { MessagePreview } from "../../../components/message-preview"
import { sdk } from "../../../lib/sdk"
import type { Preview, TemplateDetail, TemplatePart, TemplateSummary } from "../../../lib/types"

const PARTS: { part: TemplatePart; label: string; channel: "email" | "sms"; rows: number }[] = [
  { part: "subject", label: "Email subject", channel: "email", rows: 1 },
  { part: "html", label: "Email HTML body (inside the store layout; a full <html> document replaces it)", channel: "email", rows: 12 },
  { part: "text", label: "Email plain text", channel: "email", rows: 8 },
  { part: "sms", label: "SMS (aim for 160 GSM-7 characters)", channel: "sms", rows: 3 },
]

type Drafts = Partial<Record<TemplatePart, string>>

const TemplatesPage = () => {
  const client = useQueryClient()
  const [template, setTemplate] = useState("order-placed")
  const [locale, setLocale] = useState("en")
  const [channel, setChannel] = useState<"email" | "sms">("email")
  const [orderId, setOrderId] = useState("")
  const [drafts, setDrafts] = useState<Drafts>({})
  const [preview, setPreview] = useState<Preview | undefined>()
  const [problem, setProblem] = useState<string | undefined>()

  const list = useQuery({
    queryKey: ["soko-notification-templates"],
    queryFn: () => sdk.client.fetch<{ templates: TemplateSummary[] }>("/admin/notification-templates"),
  })
  const detail = useQuery({
    queryKey: ["soko-notification-template", template, locale],
    queryFn: () => sdk.client.fetch<{ template: TemplateDetail }>(`/admin/notification-templates/${template}/${locale}`),
  })
  const current = detail.data?.template
  const channels = current?.channels ?? ["email"]

  useEffect(() => {
    setDrafts({})
    setPreview(undefined)
    setProblem(undefined)
    if (!channels.includes(channel)) {
      setChannel(channels[0])
    }
  }, [template, locale, current?.template])

  const changed = Object.fromEntries(Object.entries(drafts).filter(([part, value]) => value !== current?.parts[part as TemplatePart].source))

  const run = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ preview: Preview }>("/admin/notification-templates/preview", {
        method: "POST",
        body: { template, locale, channel, overrides: changed, ...(orderId.trim() ? { order_id: orderId.trim() } : {}) },
      }),
    onSuccess: ({ preview }) => {
      setPreview(preview)
      setProblem(undefined)
    },
    onError: (e: Error) => setProblem(e.message),
  })
  const save = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/notification-templates/${template}/${locale}`, { method: "POST", body: changed }),
    onSuccess: () => {
      toast.success("Template saved")
      setDrafts({})
      setProblem(undefined)
      client.invalidateQueries({ queryKey: ["soko-notification-template", template, locale] })
      client.invalidateQueries({ queryKey: ["soko-notification-templates"] })
    },
    onError: (e: Error) => setProblem(e.message),
  })
  const reset = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/notification-templates/${template}/${locale}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success("Back to the built-in template")
      setDrafts({})
      client.invalidateQueries({ queryKey: ["soko-notification-template", template, locale] })
      client.invalidateQueries({ queryKey: ["soko-notification-templates"] })
    },
    onError: (e: Error) => setProblem(e.message),
  })

  const summary = list.data?.templates.find((t) => t.id === template)

  return (
    <div className="flex flex-col gap-4">
      <Container className="flex flex-wrap items-end gap-3 px-6 py-4">
        <div className="mr-auto">
          <Heading level="h1">Notification templates</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Built-in English and Swahili texts; override any part, preview it, save it.{" "}
            <Link to="/notifications" className="text-ui-fg-interactive">Back to the log</Link>
          </Text>
        </div>
        <Select value={template} onValueChange={setTemplate}>
          <Select.Trigger aria-label="Template" data-testid="template-select">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(list.data?.templates ?? []).map((t) => (
              <Select.Item key={t.id} value={t.id}>{t.id}</Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select value={locale} onValueChange={setLocale}>
          <Select.Trigger aria-label="Language" data-testid="locale-select">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="en">English</Select.Item>
            <Select.Item value="sw">Kiswahili</Select.Item>
          </Select.Content>
        </Select>
      </Container>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Container className="flex flex-col gap-4 px-6 py-4">
          <Text size="small">{summary?.description}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Variables: {(current?.variables ?? []).map((v) => `{{${v}}}`).join(" ")} · Liquid: {"{% if x %} … {% else %} … {% endif %}, {% for item in items %} {{ item.title }} {% endfor %}, {{ x | upcase }}"}
          </Text>
          {PARTS.filter((p) => channels.includes(p.channel)).map(({ part, label, rows }) => (
            <div key={part} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <Label htmlFor={`part-${part}`}>{label}</Label>
                <Badge size="2xsmall">{current?.parts[part].origin ?? "…"}</Badge>
              </div>
              {rows === 1 ? (
                <Input
                  id={`part-${part}`}
                  value={drafts[part] ?? current?.parts[part].source ?? ""}
                  onChange={(e) => setDrafts((d) => ({ ...d, [part]: e.target.value }))}
                />
              ) : (
                <Textarea
                  id={`part-${part}`}
                  rows={rows}
                  className="font-mono text-xs"
                  value={drafts[part] ?? current?.parts[part].source ?? ""}
                  onChange={(e) => setDrafts((d) => ({ ...d, [part]: e.target.value }))}
                  data-testid={`part-${part}`}
                />
              )}
            </div>
          ))}
          {problem ? <Text size="small" className="text-ui-fg-error" data-testid="template-problem">{problem}</Text> : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => run.mutate()} isLoading={run.isPending} data-testid="preview-button">
              Preview
            </Button>
            <Button onClick={() => save.mutate()} disabled={!Object.keys(changed).length} isLoading={save.isPending}>
              Save
            </Button>
            <Button variant="danger" onClick={() => reset.mutate()} isLoading={reset.isPending}>
              Use built-in
            </Button>
          </div>
        </Container>
        <Container className="flex flex-col gap-3 px-6 py-4">
          <div className="flex flex-wrap items-end gap-3">
            <Select value={channel} onValueChange={(v) => setChannel(v as "email" | "sms")}>
              <Select.Trigger aria-label="Channel">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {channels.map((c) => (
                  <Select.Item key={c} value={c}>{c}</Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Input placeholder="Order id (optional)" value={orderId} onChange={(e) => setOrderId(e.target.value)} />
          </div>
          {preview ? (
            <>
              <MessagePreview
                channel={preview.channel}
                subject={preview.channel === "email" ? preview.subject : undefined}
                html={preview.channel === "email" ? preview.html : undefined}
                text={preview.text}
                sms={preview.channel === "sms" ? preview : undefined}
              />
              {preview.warnings.map((w) => (
                <Text key={w} size="xsmall" className="text-ui-fg-subtle">{w}</Text>
              ))}
            </>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">Preview renders with sample data, or with an order's data.</Text>
          )}
        </Container>
      </div>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Templates",
})

export default TemplatesPage
