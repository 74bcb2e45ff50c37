"use client"

// Not re-exported by next/navigation; the check Next's own boundaries use on a rejected action.
import { isRedirectError } from "next/dist/client/components/redirect-error"
import { type FormEvent, type FormHTMLAttributes, startTransition, useActionState, useCallback, useRef, useState } from "react"
import type { ActionState } from "@/lib/data/action-state"
import { useShellWords } from "./shell-words"

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>

/**
 * Runs a form's server action from the submit event and shows its answer. The
 * action itself says what the page does next (lib/data/action-result.ts): it
 * ends in `redirect()`, and Next's answer carries the next page, which the
 * router shows (the call then rejects with the redirect, let through here); or
 * it calls `refresh()`, and the answer carries the current page re-rendered.
 * Either way one request and one render, where asking the router for the page
 * after the answer rendered twice whenever the action had set a cookie.
 *
 * Why not `<form action>` with `useActionState` alone: with Next 15.5, when the
 * action's answer carried a re-rendered page, the router applied it inside the
 * form's action transition, and now and then that transition never committed:
 * the button stayed on "Applying…" although the server answered
 * (vercel/next.js#86151, #96233). Started from the submit event instead, the
 * answer's page is applied in the router's own transition, as a link's is;
 * e2e/router-probe.spec.mjs counts stalls over repeated actions and links.
 *
 * Without JavaScript (or before hydration) the form still posts to the action
 * through `useActionState`, and the redirect is an HTTP one.
 */
export function useFormAction(action: FormAction, initial: ActionState = {}) {
  const { actionFailed } = useShellWords()
  const [posted, fallbackAction] = useActionState<ActionState, FormData>(action, initial)
  const [state, setState] = useState<ActionState>(posted)
  const [pending, setPending] = useState(false)
  const latest = useRef(posted)
  const busy = useRef(false)

  const run = useCallback(
    async (formData: FormData) => {
      // Out of the submit event first: React would otherwise tie the form's status to the router's transition.
      await Promise.resolve()
      let next: ActionState
      try {
        next = await action(latest.current, formData)
      } catch (error) {
        if (isRedirectError(error)) {
          // The router is showing the page the answer carried; this form leaves with the page it was on.
          busy.current = false
          startTransition(() => setPending(false))
          return
        }
        next = { error: actionFailed }
      }
      latest.current = next
      busy.current = false
      setState(next)
      setPending(false)
    },
    [action, actionFailed]
  )

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      if (busy.current) {
        return
      }
      busy.current = true
      const submitter = (event.nativeEvent as SubmitEvent).submitter
      const formData = new FormData(event.currentTarget, submitter)
      setPending(true)
      void run(formData)
    },
    [run]
  )

  /** Sends the action without a form (e.g. after a card was confirmed). */
  const submit = useCallback(
    (formData: FormData) => {
      if (busy.current) {
        return
      }
      busy.current = true
      setPending(true)
      void run(formData)
    },
    [run]
  )

  return { state, pending, submit, formProps: { action: fallbackAction, onSubmit } }
}

type ActionFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "onSubmit" | "children"> & {
  action: FormAction
  children: React.ReactNode
  /** Shown while the action runs (e.g. "Removing…"), next to the form's own controls. */
  pendingLabel?: string
}

/** A form for a server component: its action runs as in useFormAction, and an error shows under it. */
export function ActionForm({ action, children, pendingLabel, ...rest }: ActionFormProps) {
  const { state, pending, formProps } = useFormAction(action, {})
  return (
    <form {...rest} {...formProps}>
      {children}
      <FormStatus pending={pending} pendingLabel={pendingLabel} error={state.error} />
    </form>
  )
}

/** What a small inline form shows after its fields: the pending label while it runs, then its error. */
export function FormStatus({ pending, pendingLabel, error }: { pending: boolean; pendingLabel?: string; error?: string }) {
  return (
    <>
      {pending && pendingLabel ? <span className="small muted">{pendingLabel}</span> : null}
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  )
}
