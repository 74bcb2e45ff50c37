export type NextState = {
  to: string
  label: string
  allowed: boolean
  blocked_by: string | null
  requires_reason: boolean
}

export type OrderLifecycle = {
  order_id: string
  status: string
  label: string
  description: string | null
  final: boolean
  version: number
  changed_at: string | null
  allowed_next: string[]
  next_states: NextState[]
  medusa: { status: string; payment_status: string; fulfillment_status: string }
}

export type HistoryEntry = {
  id: string
  sequence: number
  from: string | null
  to: string
  from_label: string | null
  to_label: string
  actor: "system" | "admin" | "customer"
  actor_id: string | null
  reason: string | null
  source: string
  created_at: string
}

export type StateDefinition = { id: string; label: string; final?: boolean; description?: string }

export type TransitionDefinition = {
  from: string
  to: string
  actors: string[]
  guards?: string[]
  requiresReason?: boolean
}

export type RuleSet = { initial: string; states: StateDefinition[]; transitions: TransitionDefinition[] }

export type OrderRulesResponse = {
  rule_set: RuleSet
  version: number
  source: "plugin" | "admin"
  plugin_rule_set: RuleSet
  actors: string[]
  guards: { id: string; description: string }[]
  orders_by_status: Record<string, number>
}

/** The message of a failed admin API call (the SDK puts the response's message on the error). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message
  }
  return "Something went wrong"
}
