"use client"

import { useSyncExternalStore } from "react"

const never = () => () => {}

/**
 * A hidden marker inside a streamed page's Suspense boundary that says once
 * React has hydrated that boundary (it hydrates after, and apart from, the rest
 * of the page). The browser tests wait for it before clicking inside the page.
 * React renders the server snapshot (false) while hydrating, then the client's.
 */
export function BoundaryHydrated() {
  const hydrated = useSyncExternalStore(
    never,
    () => true,
    () => false
  )
  return <span hidden data-boundary-hydrated={hydrated ? "true" : "false"} />
}
