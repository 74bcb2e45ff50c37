import type { Metadata, Viewport } from "next"
import { HydratedMarker } from "@/components/hydrated-marker"
import { NavigationWatchdog } from "@/components/navigation-watchdog"
import "./globals.css"

export const metadata: Metadata = {
  title: { default: "Soko — shop Kenyan, pay with M-Pesa", template: "%s · Soko" },
  description: "Coffee, tea, crafts, fashion and home goods from Kenya. Pay with M-Pesa, delivered across Kenya.",
  icons: { icon: "/icon.svg" },
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0b6b3a",
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <HydratedMarker />
        <NavigationWatchdog />
      </body>
    </html>
  )
}
