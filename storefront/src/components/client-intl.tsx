import { NextIntlClientProvider } from "next-intl"
import { getMessages } from "next-intl/server"
import { clientMessages } from "@/i18n/client-messages"

/**
 * next-intl's provider for client components that translate or format
 * (useTranslations, useFormatter): the forms of the cart, checkout, account,
 * tracking and payment pages. Only those pages render it, so home, catalog and
 * product pages ship neither next-intl's client runtime nor the messages in
 * their payload. A page that renders such a component outside it fails to
 * render ("context from NextIntlClientProvider was not found").
 */
export async function ClientIntl({ children }: { children: React.ReactNode }) {
  const messages = await getMessages()
  // Locale, formats and time zone come from i18n/request.ts (the provider inherits them on the server).
  return <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
}
