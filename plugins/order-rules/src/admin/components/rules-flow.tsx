import { Badge, Text } from "@medusajs/ui"
import type { RuleSet } from "../lib/types"

const ACTOR_INITIAL: Record<string, string> = { system: "S", admin: "A", customer: "C" }

/**
 * The rule set as a flow: each state with the states it leads to, who may
 * trigger each move (S system, A admin, C customer) and whether guards apply.
 */
export const RulesFlow = ({ ruleSet, ordersByStatus }: { ruleSet: RuleSet; ordersByStatus: Record<string, number> }) => {
  const label = (id: string) => ruleSet.states.find((s) => s.id === id)?.label ?? id
  return (
    <div className="flex flex-col gap-y-2" data-testid="order-rules-flow">
      {ruleSet.states.map((state) => {
        const exits = ruleSet.transitions.filter((t) => t.from === state.id)
        return (
          <div key={state.id} className="grid grid-cols-[200px_1fr] items-start gap-x-4">
            <div className="flex items-center gap-x-1">
              <Badge color={state.final ? "green" : state.id === ruleSet.initial ? "blue" : "grey"} size="small">
                {state.label}
              </Badge>
              {ordersByStatus[state.id] ? (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {ordersByStatus[state.id]}
                </Text>
              ) : null}
            </div>
            <div className="flex flex-wrap items-center gap-1">
              {exits.length === 0 ? (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {state.final ? "final" : "no way out"}
                </Text>
              ) : (
                exits.map((t) => (
                  <Badge key={t.to} size="2xsmall" color="grey">
                    → {label(t.to)} ({t.actors.map((a) => ACTOR_INITIAL[a] ?? a).join("")}
                    {t.guards?.length ? ", guarded" : ""}
                    {t.requiresReason ? ", reason" : ""})
                  </Badge>
                ))
              )}
            </div>
          </div>
        )
      })}
      <Text size="xsmall" className="text-ui-fg-muted">
        Blue: initial state. Green: final. S = system, A = admin, C = customer. The number is how many orders are in the state now.
      </Text>
    </div>
  )
}
