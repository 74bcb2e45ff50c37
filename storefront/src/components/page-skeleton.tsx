import { useTranslations } from "next-intl"
import { Suspense } from "react"
import { BoundaryHydrated } from "./boundary-hydrated"

/** What shows while a page streams in on a first visit: its rough shape, so nothing jumps. */
export function PageSkeleton() {
  const t = useTranslations("layout")
  return (
    <div className="container page" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t("loading")}
      </p>
      <div className="skeleton skeleton--line" style={{ width: "45%", height: "2rem" }} />
      <div className="skeleton skeleton--line" style={{ width: "70%" }} />
      <div className="skeleton" style={{ height: 240, marginTop: 20 }} />
    </div>
  )
}

/**
 * A long page (home, catalog, product) streams in inside its own Suspense
 * boundary: React hydrates a boundary only once its HTML is complete. As part
 * of the shell, a long page could start hydrating before the browser had
 * parsed all of it when the scripts came from the cache: hydration error #418
 * and a client re-render, in about one load in twenty in the browser tests.
 *
 * Only these pages: with one boundary around every page (loading.js or a
 * Suspense in the layout), Next 15.5's router intermittently never committed
 * the navigation after a form action's redirect (vercel/next.js#86151, #96295),
 * and the checkout and account steps are form actions that redirect. Next 16
 * has not shown that stall (e2e/router-probe.spec.mjs); the narrower boundary
 * stays until a probe shows a page-wide one costs nothing.
 *
 * A page whose query changes (the catalog's filters, sort and pages) keys its
 * boundary by the query. Otherwise a navigation that only changes the query
 * re-renders inside the boundary already on screen, the router's transition
 * waits for the streamed content, and with Next 15.5 that wait sometimes never
 * ended (the page-2 link did nothing in 3 of 20 tries); a new boundary shows
 * the skeleton instead of waiting, which also reads better on a slow phone.
 */
export function Streamed({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <BoundaryHydrated />
      {children}
    </Suspense>
  )
}
