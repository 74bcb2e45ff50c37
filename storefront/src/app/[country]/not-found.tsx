import Link from "next/link"
import { useTranslations } from "next-intl"

export default function NotFound() {
  const t = useTranslations("notFound")
  return (
    <div className="container page">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link className="btn" href="/ke/store">
          {t("browse")}
        </Link>
      </p>
    </div>
  )
}
