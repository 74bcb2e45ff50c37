import type { Metadata, Viewport } from "next"
import { NextIntlClientProvider } from "next-intl"
import { getLocale, getMessages, getTranslations } from "next-intl/server"
import { HydratedMarker } from "@/components/hydrated-marker"
import { clientMessages } from "@/i18n/client-messages"
import "./globals.css"

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta")
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
    icons: { icon: "/icon.svg" },
  }
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0b6b3a",
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("layout")])
  return (
    <html lang={locale}>
      <body>
        {/* Client components get the request's locale, formats, time zone and their messages from here. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          {children}
          <HydratedMarker />
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
