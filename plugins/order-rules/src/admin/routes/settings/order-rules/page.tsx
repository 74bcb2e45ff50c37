import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Tabs, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { RulesFlow } from "../../../components/rules-flow"
import { StatesEditor } from "../../../components/states-editor"
import { TransitionsEditor } from "../../../components/transitions-editor"
import { sdk } from "../../../lib/sdk"
import { errorMessage, type OrderRulesResponse, type RuleSet } from "../../../lib/types"

type ValidateResponse = { valid: boolean; errors: string[] }

/** Pulls the list of problems out of a rejected save (the API answers `{ message, errors }`). */
async function save(ruleSet: RuleSet, expectedVersion: number) {
  const response = await fetch("/admin/order-rules", {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rule_set: ruleSet, expected_version: expectedVersion }),
  })
  const body = await response.json()
  if (!response.ok) {
    throw Object.assign(new Error(body.message), { errors: body.errors ?? [] })
  }
  return body
}

/** Settings → Order rules: view the lifecycle as a flow, edit states and transitions, validate, save. */
const OrderRulesPage = () => {
  const queryClient = useQueryClient()
  const rules = useQuery({
    queryKey: ["soko-order-rules"],
    queryFn: () => sdk.client.fetch<OrderRulesResponse>("/admin/order-rules"),
  })
  const [draft, setDraft] = useState<RuleSet | null>(null)
  const [json, setJson] = useState("")
  const [problems, setProblems] = useState<string[] | null>(null)

  useEffect(() => {
    if (rules.data && draft === null) {
      setDraft(rules.data.rule_set)
      setJson(JSON.stringify(rules.data.rule_set, null, 2))
    }
  }, [rules.data, draft])

  const edit = (next: RuleSet) => {
    setDraft(next)
    setJson(JSON.stringify(next, null, 2))
    setProblems(null)
  }
  // Refetch first: clearing the draft while the old rules are still cached would reload the old ones.
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: ["soko-order-rules"] })
    setDraft(null)
    setProblems(null)
  }

  const validate = useMutation({
    mutationFn: (ruleSet: RuleSet) =>
      sdk.client.fetch<ValidateResponse>("/admin/order-rules/validate", { method: "POST", body: { rule_set: ruleSet } }),
    onSuccess: (result) => setProblems(result.errors),
  })
  const saveRules = useMutation({
    mutationFn: (ruleSet: RuleSet) => save(ruleSet, rules.data?.version ?? 0),
    onSuccess: async () => {
      toast.success("Order rules saved")
      await reload()
    },
    onError: (error: Error & { errors?: string[] }) =>
      setProblems(error.errors?.length ? error.errors : [error.message]),
  })
  const reset = useMutation({
    mutationFn: () => sdk.client.fetch("/admin/order-rules", { method: "DELETE" }),
    onSuccess: async () => {
      toast.success("Back to the plugin's rules")
      await reload()
    },
    onError: (error) => setProblems([errorMessage(error)]),
  })

  if (!rules.data || !draft) {
    return (
      <Container>
        <Text>{rules.error ? errorMessage(rules.error) : "Loading…"}</Text>
      </Container>
    )
  }
  const changed = JSON.stringify(draft) !== JSON.stringify(rules.data.rule_set)

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h1">Order rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Version {rules.data.version} · {rules.data.source === "admin" ? "edited in admin" : "plugin defaults and options"}
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button
            size="small"
            variant="secondary"
            data-testid="order-rules-validate"
            onClick={() => validate.mutate(draft)}
            isLoading={validate.isPending}
          >
            Validate
          </Button>
          <Button
            size="small"
            data-testid="order-rules-save"
            onClick={() => saveRules.mutate(draft)}
            isLoading={saveRules.isPending}
            disabled={!changed}
          >
            Save
          </Button>
          <Button size="small" variant="secondary" onClick={() => reload()} disabled={!changed}>
            Discard
          </Button>
          {rules.data.source === "admin" ? (
            <Button
              size="small"
              variant="danger"
              data-testid="order-rules-reset"
              onClick={() => reset.mutate()}
              isLoading={reset.isPending}
            >
              Reset to plugin rules
            </Button>
          ) : null}
        </div>
      </div>
      {problems ? (
        <div className="px-6 py-4" data-testid="order-rules-problems">
          {problems.length === 0 ? (
            <Badge color="green">Valid: every state is reachable and every non-final state has a way out.</Badge>
          ) : (
            <ul className="list-disc pl-5">
              {problems.map((problem) => (
                <li key={problem}>
                  <Text size="small" className="text-ui-fg-error">
                    {problem}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <div className="px-6 py-4">
        <Tabs defaultValue="flow">
          <Tabs.List>
            <Tabs.Trigger value="flow" data-testid="order-rules-tab-flow">
              Flow
            </Tabs.Trigger>
            <Tabs.Trigger value="states">States</Tabs.Trigger>
            <Tabs.Trigger value="transitions">Transitions</Tabs.Trigger>
            <Tabs.Trigger value="json" data-testid="order-rules-tab-json">
              JSON
            </Tabs.Trigger>
          </Tabs.List>
          <div className="pt-4">
            <Tabs.Content value="flow">
              <RulesFlow ruleSet={draft} ordersByStatus={rules.data.orders_by_status} />
            </Tabs.Content>
            <Tabs.Content value="states">
              <StatesEditor ruleSet={draft} ordersByStatus={rules.data.orders_by_status} onChange={edit} />
            </Tabs.Content>
            <Tabs.Content value="transitions">
              <TransitionsEditor ruleSet={draft} actors={rules.data.actors} guards={rules.data.guards} onChange={edit} />
            </Tabs.Content>
            <Tabs.Content value="json">
              <Textarea
                rows={24}
                className="font-mono text-xs"
                value={json}
                data-testid="order-rules-json"
                onChange={(e) => {
                  setJson(e.target.value)
                  try {
                    const parsed = JSON.parse(e.target.value)
                    if (!Array.isArray(parsed?.states) || !Array.isArray(parsed?.transitions)) {
                      throw new Error("not a rule set")
                    }
                    setDraft(parsed)
                    setProblems(null)
                  } catch {
                    setProblems(["The JSON is not a rule set yet (it needs initial, states and transitions)."])
                  }
                }}
              />
            </Tabs.Content>
          </div>
        </Tabs>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Order rules",
})

export default OrderRulesPage
