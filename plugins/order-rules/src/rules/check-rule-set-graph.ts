import { ACTORS, GUARD_IDS } from "./types"

interface LooseTransition {
  from: string
  to: string
  actors: string[]
  guards?: string[]
}

interface LooseRuleSet {
  initial: string
  states: { id: string; final?: boolean }[]
  transitions: LooseTransition[]
}

function arrow(t: { from: string; to: string }): string {
  return `${t.from} → ${t.to}`
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(", ")
}

/** Every problem with the graph, as messages naming the state or transition at fault. */
export function checkRuleSetGraph(ruleSet: LooseRuleSet): string[] {
  const stateIds = new Set<string>()
  const errors = [
    ...checkStates(ruleSet, stateIds),
    ...ruleSet.transitions.flatMap((t) => checkTransition(t, stateIds)),
    ...checkDuplicateTransitions(ruleSet.transitions),
  ]
  // Shape errors in the edges make reachability reports noisy and misleading.
  if (errors.length > 0) {
    return errors
  }
  return checkReachability(ruleSet)
}

function checkStates(ruleSet: LooseRuleSet, stateIds: Set<string>): string[] {
  const errors: string[] = []
  for (const state of ruleSet.states) {
    if (stateIds.has(state.id)) {
      errors.push(`state "${state.id}" is defined more than once`)
    }
    stateIds.add(state.id)
  }
  if (!stateIds.has(ruleSet.initial)) {
    errors.push(`initial state "${ruleSet.initial}" is not one of the states`)
  }
  return errors
}

function checkTransition(t: LooseTransition, stateIds: Set<string>): string[] {
  const errors: string[] = []
  for (const id of new Set([t.from, t.to])) {
    if (!stateIds.has(id)) {
      errors.push(`transition ${arrow(t)}: unknown state "${id}"`)
    }
  }
  if (t.from === t.to) {
    errors.push(
      `transition ${arrow(t)}: a state cannot transition to itself`
    )
  }
  const seenActors = new Set<string>()
  for (const actor of t.actors) {
    if (!(ACTORS as readonly string[]).includes(actor)) {
      errors.push(
        `transition ${arrow(t)}: unknown actor "${actor}" (expected one of ${quoteList(ACTORS)})`
      )
    } else if (seenActors.has(actor)) {
      errors.push(`transition ${arrow(t)}: actor "${actor}" is listed twice`)
    }
    seenActors.add(actor)
  }
  for (const guard of t.guards ?? []) {
    if (!(GUARD_IDS as readonly string[]).includes(guard)) {
      errors.push(
        `transition ${arrow(t)}: unknown guard "${guard}" (expected one of ${quoteList(GUARD_IDS)})`
      )
    }
  }
  return errors
}

function checkDuplicateTransitions(transitions: LooseTransition[]): string[] {
  const seen = new Set<string>()
  const reported = new Set<string>()
  const errors: string[] = []
  for (const t of transitions) {
    const key = arrow(t)
    if (seen.has(key) && !reported.has(key)) {
      errors.push(`transition ${key} is defined more than once`)
      reported.add(key)
    }
    seen.add(key)
  }
  return errors
}

function checkReachability(ruleSet: LooseRuleSet): string[] {
  const outgoing = new Map<string, string[]>()
  const incoming = new Map<string, string[]>()
  for (const state of ruleSet.states) {
    outgoing.set(state.id, [])
    incoming.set(state.id, [])
  }
  for (const t of ruleSet.transitions) {
    outgoing.get(t.from)?.push(t.to)
    incoming.get(t.to)?.push(t.from)
  }
  const reachable = walk([ruleSet.initial], outgoing)
  const finals = ruleSet.states.filter((s) => s.final).map((s) => s.id)
  const canFinish = walk(finals, incoming)

  const errors: string[] = []
  for (const state of ruleSet.states) {
    const exits = outgoing.get(state.id) ?? []
    if (state.final && exits.length > 0) {
      errors.push(
        `state "${state.id}" is final but has transitions out of it (to ${quoteList(exits)}): remove them or unmark final`
      )
    } else if (!state.final && exits.length === 0) {
      errors.push(
        `state "${state.id}" is a dead end: mark it final or add a transition out of it`
      )
    } else if (!state.final && !canFinish.has(state.id)) {
      // Exits exist but loop among themselves: an order could never finish.
      errors.push(
        `state "${state.id}" can never lead to a final state: add a path to a final state`
      )
    }
    if (!reachable.has(state.id)) {
      errors.push(
        `state "${state.id}" cannot be reached from "${ruleSet.initial}"`
      )
    }
  }
  return errors
}

function walk(start: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set(start)
  const queue = [...start]
  while (queue.length > 0) {
    const current = queue.shift() as string
    for (const next of edges.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}
