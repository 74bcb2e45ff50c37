import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { TrackForm } from "@/components/order/track-form"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("track"))("title") }
}

type Props = { searchParams: Promise<{ order?: string; email?: string }> }

export default async function TrackPage({ searchParams }: Props) {
  const { order, email } = await searchParams
  const t = await getTranslations("track")
  return (
    <div className="container page" style={{ maxWidth: 760 }}>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <TrackForm order={order?.replace(/\D/g, "")} email={email} />
    </div>
  )
}
