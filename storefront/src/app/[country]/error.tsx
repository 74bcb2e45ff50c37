"use client"

import { useEffect } from "react"
import { useShellWords } from "@/components/shell-words"

/** Shown when a page could not be built, most often because the shop's backend is unreachable. */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useShellWords().error
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="container page">
      <div className="notice notice--error" role="alert">
        <h1>{words.title}</h1>
        <p>{words.text}</p>
        <button className="btn" type="button" onClick={reset}>
          {words.retry}
        </button>
      </div>
    </div>
  )
}
