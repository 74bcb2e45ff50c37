import { Button, Checkbox, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { RuleSet, StateDefinition } from "../lib/types"

type Props = {
  ruleSet: RuleSet
  ordersByStatus: Record<string, number>
  onChange: (ruleSet: RuleSet) => void
}

/** States of the rule set: labels, final flag, descriptions; add custom states, remove unused ones. */
export const StatesEditor = ({ ruleSet, ordersByStatus, onChange }: Props) => {
  const [newId, setNewId] = useState("")
  const update = (id: string, patch: Partial<StateDefinition>) =>
    onChange({ ...ruleSet, states: ruleSet.states.map((s) => (s.id === id ? { ...s, ...patch } : s)) })
  const remove = (id: string) =>
    onChange({
      ...ruleSet,
      states: ruleSet.states.filter((s) => s.id !== id),
      transitions: ruleSet.transitions.filter((t) => t.from !== id && t.to !== id),
    })
  const add = () => {
    const id = newId.trim()
    if (!id || ruleSet.states.some((s) => s.id === id)) {
      return
    }
    onChange({ ...ruleSet, states: [...ruleSet.states, { id, label: id.replace(/_/g, " ") }] })
    setNewId("")
  }
  return (
    <div className="flex flex-col gap-y-2">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Id</Table.HeaderCell>
            <Table.HeaderCell>Label</Table.HeaderCell>
            <Table.HeaderCell>Final</Table.HeaderCell>
            <Table.HeaderCell>Description</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {ruleSet.states.map((state) => (
            <Table.Row key={state.id}>
              <Table.Cell>
                <code>{state.id}</code>
              </Table.Cell>
              <Table.Cell>
                <Input size="small" value={state.label} onChange={(e) => update(state.id, { label: e.target.value })} />
              </Table.Cell>
              <Table.Cell>
                <Checkbox checked={state.final === true} onCheckedChange={(v) => update(state.id, { final: v === true || undefined })} />
              </Table.Cell>
              <Table.Cell>
                <Input
                  size="small"
                  value={state.description ?? ""}
                  onChange={(e) => update(state.id, { description: e.target.value || undefined })}
                />
              </Table.Cell>
              <Table.Cell>
                {ordersByStatus[state.id] ? (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {ordersByStatus[state.id]} order(s)
                  </Text>
                ) : (
                  <Button size="small" variant="transparent" onClick={() => remove(state.id)}>
                    Remove
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          placeholder="new_state_id (a-z, 0-9, _)"
          value={newId}
          onChange={(e) => setNewId(e.target.value)}
          data-testid="order-rules-new-state"
        />
        <Button size="small" variant="secondary" onClick={add}>
          Add state
        </Button>
      </div>
    </div>
  )
}
