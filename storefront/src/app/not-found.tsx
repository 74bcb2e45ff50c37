import Link from "next/link"
import { useTranslations } from "next-intl"

export default function NotFound() {
  const t = useTranslations("notFound")
  return (
    <main id="main" className="container page">
      <h1>{t("pageTitle")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link className="btn" href="/ke/store">
          {t("browse")}
        </Link>
      </p>
    </main>
  )
}
