import "server-only"
import { refresh } from "next/cache"
import { redirect } from "next/navigation"
import type { ActionState } from "./action-state"

/**
 * Ends a form action that moves the shopper on to `path`, with Next's own
 * `redirect()`: Next renders that page into the action's answer (from the root
 * layout, with the cookies the action set), and the router shows it. One page
 * render per step, where an answer that named the next page and a navigation
 * after it rendered twice whenever the action had set a cookie (Next re-renders
 * the current page for a cookie change): a whole cart or order read each time.
 * Called from the app, the action's promise then rejects with the redirect,
 * which the form lets through (components/action-form.tsx). Posted without
 * JavaScript, it is an HTTP redirect. Never call it inside a `try`: it throws.
 *
 * Next 15.5 now and then never committed a page applied inside a form's action
 * transition (vercel/next.js#86151); the form here does not start the action in
 * a transition, and e2e/router-probe.spec.mjs counts stalls over repeated
 * checkout steps.
 */
export function goTo(path: string): never {
  redirect(path)
}

/**
 * Ends a form action that changed what the current page shows (the cart's
 * lines, a saved preference): Next re-renders the page into the action's
 * answer, as it does anyway when the action set a cookie, so the form does not
 * ask for it again with a second request and render.
 */
export function refreshed(state: ActionState): ActionState {
  refresh()
  return state
}
