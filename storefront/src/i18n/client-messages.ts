import type { AbstractIntlMessages } from "next-intl"

/**
 * Namespaces only server code reads (action answers, server-rendered pages and
 * chrome). The browser gets every other namespace on the pages that render
 * ClientIntl (components/client-intl.tsx): each such page carries the messages
 * in its RSC payload, and these are about half of them.
 */
export const SERVER_ONLY_NAMESPACES = [
  "accountActions",
  "addressErrors",
  "cartActions",
  "checkoutActions",
  "confirmed",
  // "error" and "layout": the root layout translates them (the skip link, and the few words of
  // components/shell-words.tsx that the error page and every form's failure message use).
  "error",
  "errors",
  "footer",
  "header",
  "home",
  "language",
  "layout",
  "meta",
  "mpesaActions",
  "notFound",
  "orderActions",
  "orderPage",
  "store",
  "trackActions",
] as const

/** The messages client components need (everything but SERVER_ONLY_NAMESPACES). */
export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const skip = new Set<string>(SERVER_ONLY_NAMESPACES)
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !skip.has(namespace)))
}
