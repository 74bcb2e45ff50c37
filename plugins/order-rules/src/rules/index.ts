export { DEFAULT_RULE_SET } from "./default-rules"
export { GUARDS, EVIDENCE_GUARDS, checkGuards } from "./guards"
export { validateRuleSet, type ValidateRuleSetResult } from "./validate-rule-set"
export { ruleSetSchema, STATE_ID_PATTERN } from "./rule-set-schema"
export {
  mergeRuleSets,
  ruleSetPatchSchema,
  type RuleSetPatch,
} from "./merge-rule-sets"
export {
  evaluateTransition,
  type TransitionDenialCode,
  type TransitionEvaluation,
  type TransitionRequest,
} from "./evaluate-transition"
export {
  allowedNextStates,
  requiresReasonFor,
  type NextStateOption,
} from "./allowed-next-states"
export {
  ORDER_STATUS_EVENTS,
  contradictsMedusa,
  planEventTransition,
  statusForEvent,
  type EventTransitionPlan,
} from "./medusa-events"
export {
  ACTORS,
  GUARD_IDS,
  type Actor,
  type Guard,
  type GuardId,
  type GuardResult,
  type OrderFacts,
  type RuleSet,
  type StateDefinition,
  type TransitionDefinition,
} from "./types"
export { GUARD_DESCRIPTIONS } from "./guard-descriptions"
