"use client"

import { useEffect, useState } from "react"

/**
 * A hidden marker inside a streamed page's Suspense boundary that says once
 * React has hydrated that boundary (it hydrates after, and apart from, the rest
 * of the page). The browser tests wait for it before clicking inside the page.
 */
export function BoundaryHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return <span hidden data-boundary-hydrated={hydrated ? "true" : "false"} />
}
