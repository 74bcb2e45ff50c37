import { Button, Checkbox, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { RuleSet, TransitionDefinition } from "../lib/types"

type Props = {
  ruleSet: RuleSet
  actors: string[]
  guards: { id: string; description: string }[]
  onChange: (ruleSet: RuleSet) => void
}

const toggle = (list: string[] | undefined, item: string) =>
  (list ?? []).includes(item) ? (list ?? []).filter((x) => x !== item) : [...(list ?? []), item]

/** Allowed transitions: who may trigger each, which guards apply, whether a reason is needed. */
export const TransitionsEditor = ({ ruleSet, actors, guards, onChange }: Props) => {
  const [from, setFrom] = useState(ruleSet.states[0]?.id ?? "")
  const [to, setTo] = useState(ruleSet.states[1]?.id ?? "")
  const key = (t: TransitionDefinition) => `${t.from}→${t.to}`
  const update = (target: TransitionDefinition, patch: Partial<TransitionDefinition>) =>
    onChange({ ...ruleSet, transitions: ruleSet.transitions.map((t) => (key(t) === key(target) ? { ...t, ...patch } : t)) })
  const remove = (target: TransitionDefinition) =>
    onChange({ ...ruleSet, transitions: ruleSet.transitions.filter((t) => key(t) !== key(target)) })
  const add = () => {
    if (!from || !to || ruleSet.transitions.some((t) => t.from === from && t.to === to)) {
      return
    }
    onChange({ ...ruleSet, transitions: [...ruleSet.transitions, { from, to, actors: ["admin"] }] })
  }
  const label = (id: string) => ruleSet.states.find((s) => s.id === id)?.label ?? id

  return (
    <div className="flex flex-col gap-y-2">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>From</Table.HeaderCell>
            <Table.HeaderCell>To</Table.HeaderCell>
            <Table.HeaderCell>Who</Table.HeaderCell>
            <Table.HeaderCell>Guards</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {ruleSet.transitions.map((t) => (
            <Table.Row key={key(t)}>
              <Table.Cell>{label(t.from)}</Table.Cell>
              <Table.Cell>{label(t.to)}</Table.Cell>
              <Table.Cell>
                <div className="flex gap-x-2">
                  {actors.map((actor) => (
                    <label key={actor} className="flex items-center gap-x-1 text-xs">
                      <Checkbox checked={t.actors.includes(actor)} onCheckedChange={() => update(t, { actors: toggle(t.actors, actor) })} />
                      {actor}
                    </label>
                  ))}
                </div>
              </Table.Cell>
              <Table.Cell>
                <details>
                  <summary className="cursor-pointer text-xs">{t.guards?.length ? t.guards.join(", ") : "none"}</summary>
                  <div className="flex flex-col gap-y-1 py-1">
                    {guards.map((guard) => (
                      <label key={guard.id} className="flex items-center gap-x-1 text-xs" title={guard.description}>
                        <Checkbox
                          checked={(t.guards ?? []).includes(guard.id)}
                          onCheckedChange={() => update(t, { guards: toggle(t.guards, guard.id) })}
                        />
                        {guard.id}
                      </label>
                    ))}
                  </div>
                </details>
              </Table.Cell>
              <Table.Cell>
                <Checkbox
                  checked={t.requiresReason === true}
                  onCheckedChange={(v) => update(t, { requiresReason: v === true || undefined })}
                />
              </Table.Cell>
              <Table.Cell>
                <Button size="small" variant="transparent" onClick={() => remove(t)}>
                  Remove
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex items-center gap-x-2">
        <Text size="small">Add</Text>
        <select className="rounded border px-2 py-1 text-sm" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="from state">
          {ruleSet.states.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <Text size="small">→</Text>
        <select className="rounded border px-2 py-1 text-sm" value={to} onChange={(e) => setTo(e.target.value)} aria-label="to state">
          {ruleSet.states.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <Button size="small" variant="secondary" onClick={add}>
          Add transition
        </Button>
      </div>
    </div>
  )
}
