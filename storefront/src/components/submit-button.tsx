"use client"

import { useFormStatus } from "react-dom"

/** A submit button that says what is happening while its form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  block = true,
  secondary = false,
  testId,
  disabled = false,
  pending: running = false,
}: {
  children: React.ReactNode
  pendingLabel: string
  block?: boolean
  secondary?: boolean
  testId?: string
  disabled?: boolean
  /** The form's action is running (forms that run it themselves, see action-form.tsx). */
  pending?: boolean
}) {
  const status = useFormStatus()
  const pending = running || status.pending
  return (
    <button
      className={`btn${block ? " btn--block" : ""}${secondary ? " btn--secondary" : ""}`}
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      data-testid={testId}
    >
      {pending ? (
        <>
          <span className="visually-hidden" role="status">
            {pendingLabel}
          </span>
          <span aria-hidden="true">{pendingLabel}</span>
        </>
      ) : (
        children
      )}
    </button>
  )
}
