"use client"

import Link from "next/link"
import { useTranslations } from "next-intl"
import { usePathname } from "next/navigation"
import { logout } from "@/lib/data/account-actions"
import { ActionForm } from "../action-form"

export function AccountNav({ country }: { country: string }) {
  const t = useTranslations("account")
  const pathname = usePathname()
  const links = [
    { href: `/${country}/account`, label: t("overview"), exact: true },
    { href: `/${country}/account/orders`, label: t("orders") },
    { href: `/${country}/account/addresses`, label: t("addresses") },
    { href: `/${country}/account/profile`, label: t("profile") },
  ]
  return (
    <nav className="account-nav" aria-label={t("nav")}>
      <ul>
        {links.map((l) => {
          const current = l.exact ? pathname === l.href : pathname.startsWith(l.href)
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={current ? "page" : undefined}>
                {l.label}
              </Link>
            </li>
          )
        })}
        <li>
          <ActionForm action={logout}>
            <input type="hidden" name="country" value={country} />
            <button type="submit">{t("signOut")}</button>
          </ActionForm>
        </li>
      </ul>
    </nav>
  )
}
