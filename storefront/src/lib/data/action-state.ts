/** What a form's server action hands back to the form. */
export type ActionState = {
  ok?: boolean
  error?: string
  message?: string
  /** Per-field messages, keyed by input name. */
  fields?: Record<string, string>
}

export const idle: ActionState = {}
