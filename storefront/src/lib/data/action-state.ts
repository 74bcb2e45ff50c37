/** What a form's server action hands back to the form. */
export type ActionState = {
  ok?: boolean
  error?: string
  message?: string
  /** Per-field messages, keyed by input name. */
  fields?: Record<string, string>
  /** The page the form goes to next (the form navigates there itself; see components/action-form.tsx). */
  redirectTo?: string
  /** After going to redirectTo, also re-render the shared layout (the header's cart count or sign-in state changed). */
  refreshLayout?: boolean
}

export const idle: ActionState = {}
