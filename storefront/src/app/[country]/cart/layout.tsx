import { ClientIntl } from "@/components/client-intl"

/** This page's forms translate and format in the browser: next-intl's provider (components/client-intl.tsx). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientIntl>{children}</ClientIntl>
}
