"use client"

import { usePathname, useSearchParams } from "next/navigation"

/** A hidden field with the page the shopper is on, so a form can bring them back to it. */
export function CurrentPath({ name = "path" }: { name?: string }) {
  const pathname = usePathname()
  const search = useSearchParams()
  const query = search?.toString()
  return <input type="hidden" name={name} value={`${pathname}${query ? `?${query}` : ""}`} />
}
