"use client"

import { useEffect } from "react"

/**
 * A soft navigation (a `<Link>` click) that has not changed the address after
 * this long is taken as stuck, and the page is loaded the plain way.
 */
const STUCK_AFTER_MS = 10_000

/**
 * Next 15.5's router now and then never commits a soft navigation although the
 * server answered (the transition stays suspended; vercel/next.js#98303): the
 * shopper clicks a link and nothing happens. Seen on the catalog's page-2 link
 * in about 3 of 20 tries on a busy machine. This loads the link's page the
 * plain way when the address has not moved on after STUCK_AFTER_MS.
 */
export function NavigationWatchdog() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      // Only links the router took over (it prevents the browser's own navigation).
      if (!event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return
      }
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) {
        return
      }
      const to = new URL(anchor.href)
      const from = window.location.href
      if (to.origin !== window.location.origin || to.href === from) {
        return
      }
      window.setTimeout(() => {
        if (window.location.href === from) {
          console.warn(`[soko] the page did not move on to ${to.pathname}${to.search}; loading it`)
          window.location.assign(to.href)
        }
      }, STUCK_AFTER_MS)
    }
    document.addEventListener("click", onClick)
    return () => document.removeEventListener("click", onClick)
  }, [])
  return null
}
