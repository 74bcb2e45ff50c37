"use client"

import { useRouter } from "next/navigation"
import { type FormEvent, type FormHTMLAttributes, startTransition, useActionState, useCallback, useRef, useState } from "react"
import type { ActionState } from "@/lib/data/action-state"
import { useShellWords } from "./shell-words"

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>

/**
 * Runs a form's server action from the submit event, then moves the page on
 * in a transition of its own: `router.push` to the answer's `redirectTo`, or
 * `router.refresh()` so the server-rendered parts show the change.
 *
 * Why not `<form action>` with `useActionState` alone: with Next 15.5, when the
 * action's answer carries a re-rendered page (after `revalidatePath`, a cookie
 * change or a `redirect`), the router applies it inside the form's action
 * transition, and now and then that transition never committed: the button
 * stayed on "Applying…" although the server answered (vercel/next.js#86151,
 * #96233). Here the actions neither revalidate nor redirect when called from
 * the app, so the answer is just the state; the form shows it at once,
 * whatever the router does next. With Next 16 the refresh after the answer
 * commits every time (e2e/router-probe.spec.mjs), so the plain-load fallback
 * this hook had is gone; the plain `<form action>` has not been probed yet.
 *
 * Without JavaScript (or before hydration) the form still posts to the action
 * through `useActionState`, and the action redirects as usual (lib/data/action-result.ts).
 */
export function useFormAction(action: FormAction, initial: ActionState = {}) {
  const { actionFailed } = useShellWords()
  const router = useRouter()
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
      } catch {
        next = { error: actionFailed }
      }
      latest.current = next
      busy.current = false
      setState(next)
      setPending(false)
      if (next.redirectTo) {
        const to = next.redirectTo
        startTransition(() => router.push(to))
        if (next.refreshLayout) {
          startTransition(() => router.refresh())
        }
      } else if (!next.error) {
        startTransition(() => router.refresh())
      }
    },
    [action, router, actionFailed]
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
