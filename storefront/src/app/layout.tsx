import type { Metadata, Viewport } from "next"
import { getLocale, getTranslations } from "next-intl/server"
import { HydratedMarker } from "@/components/hydrated-marker"
import { ShellWordsProvider } from "@/components/shell-words"
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
  const [locale, t, tError] = await Promise.all([getLocale(), getTranslations("layout"), getTranslations("error")])
  const words = { actionFailed: t("actionFailed"), error: { title: tError("title"), text: tError("text"), retry: tError("retry") } }
  return (
    <html lang={locale}>
      <body>
        {/*
          No next-intl provider here: client components that translate sit inside ClientIntl
          (components/client-intl.tsx) on their pages; forms and the error page get their few words here.
        */}
        <ShellWordsProvider words={words}>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          {children}
          <HydratedMarker />
        </ShellWordsProvider>
      </body>
    </html>
  )
}
