import "server-only"
import { headers } from "next/headers"
import { redirect } from "next/navigation"
import type { ActionState } from "./action-state"

/**
 * Ends a form action that moves the shopper on to `path`.
 *
 * Called from the app (a fetch action, with the Next-Action header), it only
 * answers where to go: the form navigates there itself once the answer is in
 * (components/action-form.tsx). A `redirect()` here would have the router apply
 * the next page inside the action's transition, which with Next 15.5 now and
 * then never committed and left the button on "Saving…" (vercel/next.js#86151).
 * Next 16 has not stalled in the probe (e2e/router-probe.spec.mjs); moving to a
 * plain `redirect()` (one render per step instead of an answer and a
 * navigation) is the next measured change, not yet made.
 * Posted without JavaScript (or before hydration), it redirects as usual.
 */
export async function goTo(path: string, options: { refreshLayout?: boolean } = {}): Promise<ActionState> {
  if ((await headers()).has("next-action")) {
    return { ok: true, redirectTo: path, ...(options.refreshLayout ? { refreshLayout: true } : {}) }
  }
  redirect(path)
}
