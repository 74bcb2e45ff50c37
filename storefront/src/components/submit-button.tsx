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
}: {
  children: React.ReactNode
  pendingLabel: string
  block?: boolean
  secondary?: boolean
  testId?: string
  disabled?: boolean
}) {
  const { pending } = useFormStatus()
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
