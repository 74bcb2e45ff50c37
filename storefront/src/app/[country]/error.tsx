"use client"

import { useEffect } from "react"

/** Shown when a page could not be built, most often because the shop's backend is unreachable. */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="container page">
      <div className="notice notice--error" role="alert">
        <h1>We can&apos;t load this page right now</h1>
        <p>The shop may be restarting or your connection dropped. Your cart is safe.</p>
        <button className="btn" type="button" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  )
}
