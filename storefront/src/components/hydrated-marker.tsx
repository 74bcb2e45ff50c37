"use client"

import { useEffect } from "react"

/**
 * Marks <html data-hydrated> once React has taken over the page. Styles and the
 * browser tests use it to tell a server-rendered page from an interactive one.
 */
export function HydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true"
  }, [])
  return null
}
