"use client"

import Link from "next/link"
import { usePathname } from "next/navigation"
import { logout } from "@/lib/data/account-actions"
import { ActionForm } from "../action-form"

export function AccountNav({ country }: { country: string }) {
  const pathname = usePathname()
  const links = [
    { href: `/${country}/account`, label: "Overview", exact: true },
    { href: `/${country}/account/orders`, label: "Orders" },
    { href: `/${country}/account/addresses`, label: "Addresses" },
    { href: `/${country}/account/profile`, label: "Profile" },
  ]
  return (
    <nav className="account-nav" aria-label="Your account">
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
            <button type="submit">Sign out</button>
          </ActionForm>
        </li>
      </ul>
    </nav>
  )
}
