"use client"

import { useEffect, useRef } from "react"

/**
 * Submits the surrounding form when one of its selects or checkboxes changes,
 * so filters and pickers apply at once. Without JavaScript the form's own
 * submit button does the same.
 */
export function AutoSubmit({ hideButtonId }: { hideButtonId?: string }) {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const form = ref.current?.closest("form")
    if (!form) {
      return
    }
    if (hideButtonId) {
      const button = document.getElementById(hideButtonId)
      if (button) {
        button.hidden = true
      }
    }
    // Listens on the document: controls outside the form (form="…") belong to it too.
    const onChange = (event: Event) => {
      const target = event.target
      const isChoice =
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement && (target.type === "checkbox" || target.type === "radio"))
      if (isChoice && (target as HTMLInputElement | HTMLSelectElement).form === form) {
        form.requestSubmit()
      }
    }
    document.addEventListener("change", onChange)
    return () => document.removeEventListener("change", onChange)
  }, [hideButtonId])
  return <span ref={ref} hidden />
}
