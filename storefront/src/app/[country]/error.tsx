"use client"

import { useTranslations } from "next-intl"
import { useEffect } from "react"

/** Shown when a page could not be built, most often because the shop's backend is unreachable. */
export default function ShopError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error")
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="container page">
      <div className="notice notice--error" role="alert">
        <h1>{t("title")}</h1>
        <p>{t("text")}</p>
        <button className="btn" type="button" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </div>
  )
}
